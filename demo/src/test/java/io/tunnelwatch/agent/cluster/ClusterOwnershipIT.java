package io.tunnelwatch.agent.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tunnelwatch.agent.config.AgentConfig;
import io.tunnelwatch.agent.config.ClusterConfig;
import io.tunnelwatch.agent.run.Agent;
import io.tunnelwatch.core.metrics.SourceHealth;
import io.tunnelwatch.demo.DemoConfig;
import io.tunnelwatch.lab.LabOptions;
import io.tunnelwatch.lab.LabRouter;
import io.tunnelwatch.lab.RunningLab;
import io.tunnelwatch.lab.ScaleLab;
import io.tunnelwatch.testing.net.FreePorts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two agents of one cluster in this JVM share the lab's routers, each polled by exactly one. */
class ClusterOwnershipIT {

  private static final String USER = "tunnelwatch";
  private static final String PASSWORD = "cluster-it-pass-41c7";
  private static final Duration INTERVAL = Duration.ofSeconds(2);

  @TempDir Path dir;

  @Test
  void theRoutersAreSharedWithoutOverlapAndALeavingMembersRoutersMoveToTheOther() throws Exception {
    try (RunningLab lab =
        ScaleLab.start(
            LabOptions.builder().credentials(USER, PASSWORD).build(),
            ScaleLab.Spec.parse("12x1"))) {
      AgentConfig base = DemoConfig.forLab(lab, USER, PASSWORD, "127.0.0.1:0", INTERVAL, dir);
      int portA = FreePorts.tcp();
      int portB = FreePorts.tcp();
      List<String> members = List.of("127.0.0.1:" + portA, "127.0.0.1:" + portB);
      Set<String> all = lab.routers().stream().map(LabRouter::name).collect(Collectors.toSet());
      Map<String, Integer> mostSessions = new ConcurrentHashMap<>();
      ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
      var sampling =
          sampler.scheduleAtFixedRate(
              () ->
                  lab.routers()
                      .forEach(r -> mostSessions.merge(r.name(), r.activeSshSessions(), Math::max)),
              0,
              20,
              TimeUnit.MILLISECONDS);
      try (Agent a =
          Agent.start(base.withCluster(ClusterConfig.ofMembers("127.0.0.1:" + portA, members)))) {
        // Every session logged in before the second member comes: a handover then closes idle
        // sessions, and the lab's count of them is not left behind by a burst of key exchanges.
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> polled(a).equals(all) && allUp(a, all.size()));
        try (Agent b =
            Agent.start(base.withCluster(ClusterConfig.ofMembers("127.0.0.1:" + portB, members)))) {
          await()
              .atMost(Duration.ofSeconds(60))
              .until(
                  () -> {
                    Set<String> fromA = polled(a);
                    Set<String> fromB = polled(b);
                    Set<String> union = new HashSet<>(fromA);
                    union.addAll(fromB);
                    return !fromA.isEmpty() && !fromB.isEmpty() && union.equals(all);
                  });
          assertThat(polled(a)).doesNotContainAnyElementsOf(polled(b));
          assertThat(lab.routers())
              .allSatisfy(r -> assertThat(r.activeSshSessions()).isLessThanOrEqualTo(1));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> polled(a).equals(all));
      }
    }
  }

  private static boolean allUp(Agent agent, int devices) {
    return agent.states().all().size() == devices
        && agent.states().all().stream()
            .allMatch(v -> v.sources().stream().allMatch(SourceHealth::up));
  }

  private static Set<String> polled(Agent agent) {
    return agent.events().monitors().stream().map(m -> m.device()).collect(Collectors.toSet());
  }
}
