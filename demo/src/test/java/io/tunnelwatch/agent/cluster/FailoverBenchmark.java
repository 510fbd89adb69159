package io.tunnelwatch.agent.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * How long a cluster member's devices go unpolled when it dies: three agent JVMs share a scale lab
 * (one PostgreSQL history, as {@link ClusterFailoverIT}), and a random member is killed with
 * SIGKILL, then started again, several times; each time from the kill until every device it polled
 * has been polled successfully by another member. Prints the median and maximum, also as a fraction
 * of the poll interval, the devices per member, and the state map's entries and bytes.
 *
 * <p>Run (as root, like the ITs: PostgreSQL runs as the {@code postgres} user):
 *
 * <pre>
 * mvn -B -q -pl demo -am test-compile dependency:build-classpath \
 *     -Dmdep.includeScope=test -Dmdep.outputFile=cp.txt
 * java -cp demo/target/test-classes:demo/target/classes:$(cat demo/cp.txt) \
 *     io.tunnelwatch.agent.cluster.FailoverBenchmark [SCALE=60x2] [KILLS=10] [INTERVAL_S=5] [FD_S=3] [kill|freeze]
 * </pre>
 *
 * <p>{@code kill} (SIGKILL) closes the member's connections, which the others notice at once;
 * {@code freeze} (SIGSTOP) leaves them open, as a hung machine or a lost network would, so that
 * only {@code failure_detection} reveals it.
 */
public final class FailoverBenchmark {

  private static final Duration BALANCE = Duration.ofSeconds(120);

  private FailoverBenchmark() {}

  public static void main(String[] args) throws Exception {
    String scale = args.length > 0 ? args[0] : "60x2";
    int kills = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    Duration interval = Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 5);
    Duration detection = Duration.ofSeconds(args.length > 3 ? Long.parseLong(args[3]) : 3);
    boolean freeze = args.length > 4 && "freeze".equals(args[4]);
    Random random = new Random(16);
    Path dir = Files.createTempDirectory("failover-bench");
    List<Failover> failovers = new ArrayList<>();
    try (ClusterHarness cluster =
        ClusterHarness.start(dir, ClusterHarness.Options.of(scale, interval, detection))) {
      cluster.awaitSettled(BALANCE);
      printMembers(cluster, "at start");
      for (int k = 0; k < kills; k++) {
        MemberJvm victim = cluster.members().get(random.nextInt(cluster.members().size()));
        Failover failover = cluster.failAndMeasure(victim, freeze, Duration.ofMinutes(2));
        failovers.add(failover);
        System.out.printf(Locale.ROOT, "kill %d: %s%n", k + 1, failover);
        victim.start();
        cluster.awaitSettled(BALANCE);
      }
      printMembers(cluster, "at the end");
      List<Long> millis = failovers.stream().map(f -> f.longest().toMillis()).sorted().toList();
      long median = millis.get(millis.size() / 2);
      long max = millis.get(millis.size() - 1);
      System.out.printf(
          Locale.ROOT,
          "%s, poll interval %d s, failure_detection %d s, %d %s: failover (kill to the last"
              + " device polled again) median %.2f s (%.2f intervals), max %.2f s (%.2f intervals)"
              + "%n",
          scale,
          interval.toSeconds(),
          detection.toSeconds(),
          millis.size(),
          freeze ? "freezes" : "kills",
          median / 1000.0,
          median / (double) interval.toMillis(),
          max / 1000.0,
          max / (double) interval.toMillis());
      System.out.printf(
          Locale.ROOT,
          "SSH sessions at once on one router, at most: %d%n",
          cluster.sessions().mostAtOnce());
    }
  }

  private static void printMembers(ClusterHarness cluster, String when) {
    for (MemberJvm member : cluster.members()) {
      System.out.printf(
          Locale.ROOT,
          "%s %s: %.0f devices, state map %.0f entries, %.0f bytes%n",
          when,
          member.name(),
          member.gauge("tunnelwatch_cluster_owned_devices"),
          member.gauge("tunnelwatch_cluster_state_map_entries"),
          member.gauge("tunnelwatch_cluster_state_map_bytes"));
    }
  }
}
