package io.tunnelwatch.agent.run;

import io.tunnelwatch.agent.LabAgentConfigs;
import io.tunnelwatch.agent.config.AgentConfig;
import io.tunnelwatch.agent.config.DeviceConfig;
import io.tunnelwatch.agent.events.DeviceStateStore;
import io.tunnelwatch.agent.events.EventFanout;
import io.tunnelwatch.agent.events.EventTracker;
import io.tunnelwatch.agent.events.TrackerSettings;
import io.tunnelwatch.agent.metrics.AgentMetrics;
import io.tunnelwatch.agent.poll.DevicePoller;
import io.tunnelwatch.agent.poll.DeviceStates;
import io.tunnelwatch.agent.poll.PollOutcomes;
import io.tunnelwatch.agent.poll.PollTask;
import io.tunnelwatch.lab.LabOptions;
import io.tunnelwatch.lab.LabRouter;
import io.tunnelwatch.lab.RunningLab;
import io.tunnelwatch.lab.ScaleLab;
import io.tunnelwatch.snmp.Oid;
import io.tunnelwatch.snmp.SnmpCredentials;
import io.tunnelwatch.snmp.SnmpTarget;
import io.tunnelwatch.snmp.WalkLimits;
import io.tunnelwatch.snmp.transport.Snmp4jClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A whole-agent poll of the lab's scale mode: N routers with M tunnels each, every router polled
 * over SNMP and SSH through the agent's own pollers, merge, event tracker and counter stitching, on
 * 16 threads like the agent's scheduler. Baseline in the same run: the bare SNMP walks of the same
 * subtrees with the same client and no model at all. Run: see docs/performance.md.
 */
public final class ScalePollBenchmark {

  private static final String USER = "tunnelwatch";
  private static final String PASSWORD = "scale-bench-pass-6d0b";
  private static final List<Oid> WALKED =
      List.of(
          Oid.parse("1.3.6.1.4.1.9.9.171.1"),
          Oid.parse("1.3.6.1.4.1.9.9.109.1.1.1.1"),
          Oid.parse("1.3.6.1.2.1.2.2.1"),
          Oid.parse("1.3.6.1.2.1.31.1.1.1"),
          Oid.parse("1.3.6.1.2.1.10.131.1.1.1"));

  private ScalePollBenchmark() {}

  public static void main(String[] args) throws Exception {
    ScaleLab.Spec spec = ScaleLab.Spec.parse(args.length > 0 ? args[0] : "50x4");
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Path dir = Files.createTempDirectory("scale-bench");
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try (RunningLab lab =
        ScaleLab.start(LabOptions.builder().credentials(USER, PASSWORD).build(), spec)) {
      AgentConfig config =
          LabAgentConfigs.bothFaces(lab, USER, PASSWORD, Duration.ofSeconds(30), dir);
      Map<String, TrackerSettings> settings = new LinkedHashMap<>();
      config.devices().forEach(d -> settings.put(d.name(), TrackerSettings.DEFAULTS));
      EventTracker tracker =
          new EventTracker(
              settings, new EventFanout(List.of()), Clock.systemUTC(), DeviceStateStore.none());
      DeviceStates states = new DeviceStates();
      List<PollTask> tasks = new ArrayList<>();
      try (DevicePollers pollers = new DevicePollers(config, Clock.systemUTC(), name -> null);
          Snmp4jClient bare = Snmp4jClient.open()) {
        for (DeviceConfig device : config.devices()) {
          List<DevicePoller> devicePollers = pollers.forDevice(config, device);
          tasks.add(
              new PollTask(
                  device.name(),
                  devicePollers,
                  states,
                  AgentMetrics.unregistered(),
                  tracker.monitor(device.name()).orElseThrow(),
                  PollOutcomes.NONE));
        }
        List<SnmpTarget> targets = new ArrayList<>();
        for (LabRouter router : lab.routers()) {
          var address = router.snmpAddress().orElseThrow();
          targets.add(
              new SnmpTarget(
                  address.getAddress().getHostAddress(),
                  address.getPort(),
                  Duration.ofSeconds(3),
                  1,
                  new SnmpCredentials.Community("public")));
        }
        // Warm-up: sessions open, JIT compiled.
        runAll(pool, tasks);
        walkAll(pool, bare, targets);
        List<Long> agent = new ArrayList<>();
        List<Long> baseline = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
          baseline.add(timed(() -> walkAll(pool, bare, targets)));
          agent.add(timed(() -> runAll(pool, tasks)));
        }
        long up =
            states.all().stream().filter(v -> v.sources().stream().allMatch(h -> h.up())).count();
        long agentMedian = median(agent);
        long baselineMedian = median(baseline);
        System.out.printf(
            "%d routers x %d tunnels, %d rounds: agent poll (SNMP+SSH, merge, tracker) median %d"
                + " ms per round, %.1f ms per router; bare SNMP walks of the same subtrees median"
                + " %d ms; ratio %.2f; devices up on both sources after the run: %d%n",
            spec.routers(),
            spec.tunnelsPerRouter(),
            rounds,
            agentMedian,
            agentMedian / (double) spec.routers(),
            baselineMedian,
            agentMedian / (double) baselineMedian,
            up);
      } finally {
        tasks.forEach(PollTask::close);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private interface Work {
    void run() throws Exception;
  }

  private static long timed(Work work) throws Exception {
    long start = System.nanoTime();
    work.run();
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static void runAll(ExecutorService pool, List<PollTask> tasks) throws Exception {
    List<Future<?>> done = new ArrayList<>();
    for (PollTask task : tasks) {
      done.add(pool.submit(task::run));
    }
    for (Future<?> f : done) {
      f.get();
    }
  }

  private static void walkAll(ExecutorService pool, Snmp4jClient client, List<SnmpTarget> targets)
      throws Exception {
    List<Future<?>> done = new ArrayList<>();
    for (SnmpTarget target : targets) {
      done.add(
          pool.submit(
              () -> {
                for (Oid root : WALKED) {
                  client.walk(target, root, WalkLimits.DEFAULT);
                }
                return null;
              }));
    }
    for (Future<?> f : done) {
      f.get();
    }
  }

  private static long median(List<Long> values) {
    return values.stream().sorted().toList().get(values.size() / 2);
  }
}
