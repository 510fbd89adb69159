package io.tunnelwatch.agent.bench;

import io.tunnelwatch.agent.config.AgentConfig;
import io.tunnelwatch.agent.config.AlertingConfig;
import io.tunnelwatch.agent.run.Agent;
import io.tunnelwatch.demo.DemoConfig;
import io.tunnelwatch.lab.Fault;
import io.tunnelwatch.lab.LabOptions;
import io.tunnelwatch.lab.LabSnmpOptions;
import io.tunnelwatch.lab.ReferenceLab;
import io.tunnelwatch.lab.RunningLab;
import io.tunnelwatch.lab.snmp.TrapTarget;
import io.tunnelwatch.testing.alertmanager.Alertmanager;
import io.tunnelwatch.testing.net.FreePorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Time from a fault injected into the lab to its alert being active in a real Alertmanager, with
 * the agent polling every 10 s over SSH only, or over SSH and SNMP with the lab's traps sent to the
 * agent ({@code traps} as second argument), over several runs at random points of the poll cycle.
 * Run: see docs/performance.md.
 */
public final class FaultToAlertBenchmark {

  private static final String USER = "tunnelwatch";
  private static final String PASSWORD = "fault-bench-pass-8e1a";

  private FaultToAlertBenchmark() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    boolean traps = args.length > 1 && args[1].equals("traps");
    int trapPort = FreePorts.udp();
    Path dir = Files.createTempDirectory("fault-bench");
    Random random = new Random(42);
    try (Alertmanager alertmanager = Alertmanager.start(dir.resolve("am"));
        RunningLab lab =
            ReferenceLab.start(
                LabOptions.builder()
                    .credentials(USER, PASSWORD)
                    .snmp(
                        LabSnmpOptions.builder()
                            .trapTarget(new TrapTarget("127.0.0.1", trapPort, "public"))
                            .build())
                    .build())) {
      AgentConfig polling =
          DemoConfig.forLab(lab, USER, PASSWORD, "127.0.0.1:0", Duration.ofSeconds(10), dir);
      AgentConfig withTraps =
          DemoConfig.forLabWithSnmp(
              lab,
              USER,
              PASSWORD,
              "public",
              "127.0.0.1:0",
              "127.0.0.1:" + trapPort,
              Duration.ofSeconds(10),
              dir);
      AgentConfig config =
          (traps ? withTraps : polling)
              .withAlerting(
                  new AlertingConfig(
                      List.of(alertmanager.url().toString()), null, Duration.ofSeconds(5)));
      try (Agent agent = Agent.start(config, Clock.systemUTC(), name -> null, List.of())) {
        waitUntil(() -> agent.states().allPolledOnce(), Duration.ofSeconds(60));
        List<Long> millis = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
          Thread.sleep(random.nextInt(10_000)); // a random phase of the poll cycle, on purpose
          long start = System.nanoTime();
          lab.router("R1").injectFault(Fault.PSK_MISMATCH);
          waitUntil(() -> active(alertmanager, "TunnelwatchPhase1Failure"), Duration.ofMinutes(3));
          millis.add((System.nanoTime() - start) / 1_000_000);
          lab.router("R1").healFault(Fault.PSK_MISMATCH);
          waitUntil(() -> !active(alertmanager, "TunnelwatchPhase1Failure"), Duration.ofMinutes(3));
          System.out.printf("run %d: %d ms%n", run + 1, millis.get(run));
        }
        List<Long> sorted = millis.stream().sorted().toList();
        System.out.printf(
            "psk_mismatch to active alert, polling every 10 s%s, %d runs: median %d ms, min %d"
                + " ms, max %d ms%n",
            traps ? " with traps" : " only",
            runs,
            sorted.get(runs / 2),
            sorted.get(0),
            sorted.get(runs - 1));
      }
    }
  }

  private static boolean active(Alertmanager alertmanager, String alertname) {
    try {
      return alertmanager.activeAlerts().stream()
          .anyMatch(a -> a.path("labels").path("alertname").asText().equals(alertname));
    } catch (RuntimeException e) {
      return false;
    }
  }

  private interface Condition {
    boolean holds() throws Exception;
  }

  private static void waitUntil(Condition condition, Duration limit) throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.holds()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("condition not met within " + limit);
      }
      Thread.sleep(50);
    }
  }
}
