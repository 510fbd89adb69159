package io.tunnelwatch.agent.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tunnelwatch.agent.NetSnmpTraps;
import io.tunnelwatch.agent.config.AgentConfig;
import io.tunnelwatch.agent.config.ClusterConfig;
import io.tunnelwatch.agent.events.Event;
import io.tunnelwatch.agent.events.EventKind;
import io.tunnelwatch.agent.events.EventStatus;
import io.tunnelwatch.agent.run.Agent;
import io.tunnelwatch.demo.DemoConfig;
import io.tunnelwatch.lab.LabOptions;
import io.tunnelwatch.lab.ReferenceLab;
import io.tunnelwatch.lab.RunningLab;
import io.tunnelwatch.testing.metrics.MetricsEndpoint;
import io.tunnelwatch.testing.net.FreePorts;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A trap sent by Net-SNMP's {@code snmptrap} to the member that does not poll the device: it opens
 * the event on the member that does, before that member's next poll.
 */
class ClusterTrapIT {

  private static final String USER = "tunnelwatch";
  private static final String PASSWORD = "cluster-trap-pass-3e8d";
  private static final String COMMUNITY = "cluster-trap-community-27";
  // Long enough that only the trap can open the event within the test's wait.
  private static final Duration INTERVAL = Duration.ofSeconds(60);

  @TempDir Path dir;

  @Test
  void aTrapReceivedByTheOtherMemberOpensTheEventOnTheDevicesOwner() throws Exception {
    List<Event> heardByFirst = new CopyOnWriteArrayList<>();
    List<Event> heardBySecond = new CopyOnWriteArrayList<>();
    try (RunningLab lab =
        ReferenceLab.start(LabOptions.builder().credentials(USER, PASSWORD).build())) {
      AgentConfig config =
          NetSnmpTraps.receiving(
              DemoConfig.forLab(lab, USER, PASSWORD, "127.0.0.1:0", INTERVAL, dir), COMMUNITY);
      int firstPort = FreePorts.tcp();
      int secondPort = FreePorts.tcp();
      List<String> members = List.of("127.0.0.1:" + firstPort, "127.0.0.1:" + secondPort);
      try (Agent first = start(config, "127.0.0.1:" + firstPort, members, heardByFirst);
          Agent second = start(config, "127.0.0.1:" + secondPort, members, heardBySecond)) {
        // A trap from 127.0.0.1 is R1's. Wait until the partitions have stopped moving and the
        // member that owns R1's partition is the one polling it: no handover of R1 is under way.
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () ->
                    settled(first)
                        && settled(second)
                        && polls(first, "R1") != polls(second, "R1")
                        && polls(first, "R1") == owns(first, "R1")
                        && polls(second, "R1") == owns(second, "R1"));
        Agent owner = polls(first, "R1") ? first : second;
        Agent other = owner == first ? second : first;
        List<Event> heardByOwner = owner == first ? heardByFirst : heardBySecond;
        List<Event> heardByOther = owner == first ? heardBySecond : heardByFirst;
        await().atMost(Duration.ofSeconds(30)).until(() -> owner.states().allPolledOnce());

        NetSnmpTraps.send(
            other.trapAddress().orElseThrow(),
            COMMUNITY,
            NetSnmpTraps.IKE_PROTOCOL_FAILURE,
            NetSnmpTraps.PEER_REMOTE,
            "x",
            "C8000001");

        await()
            .atMost(Duration.ofSeconds(10))
            .untilAsserted(
                () ->
                    assertThat(heardByOwner)
                        .anySatisfy(
                            e -> {
                              assertThat(e.kind()).isEqualTo(EventKind.PHASE1_FAILURE);
                              assertThat(e.status()).isEqualTo(EventStatus.OPENED);
                              assertThat(e.device()).isEqualTo("R1");
                            }));
        assertThat(heardByOther).noneMatch(e -> e.kind() == EventKind.PHASE1_FAILURE);
        String otherMetrics = MetricsEndpoint.at(other.httpAddress()).text();
        assertThat(otherMetrics)
            .contains("tunnelwatch_traps_total{outcome=\"accepted\"} 1.0")
            .contains("tunnelwatch_cluster_observations_forwarded_total{result=\"sent\"} 1.0");
      }
    }
  }

  private static Agent start(
      AgentConfig config, String listen, List<String> members, List<Event> heard) throws Exception {
    return Agent.start(
        config.withCluster(ClusterConfig.ofMembers(listen, members)),
        Clock.systemUTC(),
        name -> null,
        List.of(heard::add));
  }

  private static boolean settled(Agent agent) {
    ClusterMember member = agent.cluster().orElseThrow();
    return member.memberCount() == 2 && member.settled();
  }

  private static boolean owns(Agent agent, String device) {
    return agent.cluster().orElseThrow().owns(device);
  }

  private static boolean polls(Agent agent, String device) {
    return agent.events().monitor(device).isPresent();
  }
}
