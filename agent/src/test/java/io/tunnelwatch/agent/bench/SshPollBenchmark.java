package io.tunnelwatch.agent.bench;

import io.tunnelwatch.agent.poll.PollException;
import io.tunnelwatch.agent.poll.SshDevicePoller;
import io.tunnelwatch.ios.transport.CliException;
import io.tunnelwatch.ios.transport.CliSession;
import io.tunnelwatch.ios.transport.ReconnectingCliSession;
import io.tunnelwatch.ios.transport.SshCliSession;
import io.tunnelwatch.ios.transport.SshConnector;
import io.tunnelwatch.ios.transport.SshCredentials;
import io.tunnelwatch.ios.transport.SshTarget;
import io.tunnelwatch.lab.LabOptions;
import io.tunnelwatch.lab.LabRouter;
import io.tunnelwatch.lab.ReferenceLab;
import io.tunnelwatch.lab.RunningLab;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;

/**
 * Times one full SSH poll (five show commands, parsing included) of a lab router, with the session
 * kept open across polls versus a new SSH connection per poll, in the same run.
 *
 * <p>Run: {@code mvn -q -pl agent -am test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.tunnelwatch.agent.bench.SshPollBenchmark}
 */
public final class SshPollBenchmark {

  private static final int WARMUP = 20;
  private static final int POLLS = 50;
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private SshPollBenchmark() {}

  public static void main(String[] args) throws Exception {
    try (RunningLab lab =
            ReferenceLab.start(LabOptions.builder().credentials("bench", "bench-pass").build());
        SshConnector connector = new SshConnector()) {
      LabRouter r1 = lab.router("R1");
      Path knownHosts = Files.createTempFile("bench", "known_hosts");
      Files.writeString(knownHosts, r1.knownHostsLine() + "\n");
      SshTarget target =
          new SshTarget(
              "R1",
              r1.sshHost(),
              r1.sshPort(),
              "bench",
              new SshCredentials.Password("bench-pass"),
              knownHosts,
              false,
              TIMEOUT);
      ReconnectingCliSession.Opener opener =
          () -> connector.open(target, TIMEOUT, SshCliSession.OutputLimits.DEFAULT);

      CliSession kept =
          new ReconnectingCliSession(
              opener,
              new ReconnectingCliSession.Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1)));
      SshDevicePoller keptPoller = new SshDevicePoller("R1", kept, TIMEOUT, Clock.systemUTC());
      double[] keptMs = time(keptPoller::poll);
      double[] freshMs =
          time(
              () -> {
                try (CliSession fresh = opener.open()) {
                  new SshDevicePoller("R1", fresh, TIMEOUT, Clock.systemUTC()).poll();
                } catch (CliException e) {
                  throw new IllegalStateException(e);
                }
              });
      keptPoller.close();
      double keptMedian = median(keptMs);
      double freshMedian = median(freshMs);
      System.out.printf(
          "SSH poll of a lab router, median of %d (after %d warm-up):%n", POLLS, WARMUP);
      System.out.printf("  kept-open session:        %8.2f ms%n", keptMedian);
      System.out.printf("  new connection each poll: %8.2f ms%n", freshMedian);
      System.out.printf("  ratio new/kept:           %8.2f x%n", freshMedian / keptMedian);
    }
  }

  @FunctionalInterface
  private interface Poll {
    void run() throws PollException;
  }

  private static double[] time(Poll poll) throws PollException {
    for (int i = 0; i < WARMUP; i++) {
      poll.run();
    }
    double[] ms = new double[POLLS];
    for (int i = 0; i < POLLS; i++) {
      long start = System.nanoTime();
      poll.run();
      ms[i] = (System.nanoTime() - start) / 1e6;
    }
    return ms;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
