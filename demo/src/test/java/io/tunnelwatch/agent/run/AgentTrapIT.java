package io.tunnelwatch.agent.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tunnelwatch.agent.config.AgentConfig;
import io.tunnelwatch.agent.config.AuthConfig;
import io.tunnelwatch.agent.config.Secret;
import io.tunnelwatch.agent.config.SnmpAuthConfig;
import io.tunnelwatch.agent.config.TrapsConfig;
import io.tunnelwatch.agent.events.Event;
import io.tunnelwatch.agent.events.EventKind;
import io.tunnelwatch.agent.events.EventListener;
import io.tunnelwatch.agent.events.EventStatus;
import io.tunnelwatch.agent.events.ObjectRef;
import io.tunnelwatch.demo.DemoConfig;
import io.tunnelwatch.lab.LabOptions;
import io.tunnelwatch.lab.ReferenceLab;
import io.tunnelwatch.lab.RunningLab;
import io.tunnelwatch.testing.metrics.MetricsEndpoint;
import io.tunnelwatch.testing.process.ProcessRunner;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Traps sent by Net-SNMP's {@code snmptrap} to the agent's own receiver: from a configured device
 * they open an event at once, between polls; from anywhere else they are dropped and counted.
 */
class AgentTrapIT {

  private static final String USER = "tunnelwatch";
  private static final String PASSWORD = "trap-pass-5c21e";
  private static final String COMMUNITY = "trap-community-91";
  private static final String IKE_PROTOCOL_FAILURE = "1.3.6.1.4.1.9.9.171.2.0.5";
  private static final String PEER_REMOTE = "1.3.6.1.4.1.9.9.171.1.2.2.1.7.1";

  @TempDir Path dir;
  private final List<Event> events = new CopyOnWriteArrayList<>();
  private RunningLab lab;
  private Agent agent;

  @BeforeEach
  void start() throws Exception {
    lab = ReferenceLab.start(LabOptions.builder().credentials(USER, PASSWORD).build());
    AgentConfig demo =
        DemoConfig.forLab(lab, USER, PASSWORD, "127.0.0.1:0", Duration.ofSeconds(30), dir);
    Map<String, AuthConfig> auths = new HashMap<>(demo.auths());
    auths.put("traps", AuthConfig.ofSnmp(SnmpAuthConfig.v2c(Secret.of(COMMUNITY))));
    // Only R1 keeps its loopback address: a trap from 127.0.0.1 is R1's.
    AgentConfig config =
        new AgentConfig(
                demo.http(),
                auths,
                demo.modules(),
                demo.devices(),
                demo.events(),
                demo.history(),
                demo.alerting())
            .withTraps(new TrapsConfig("127.0.0.1:0", List.of("traps")));
    EventListener recorder = events::add;
    agent = Agent.start(config, Clock.systemUTC(), name -> null, List.of(recorder));
  }

  @AfterEach
  void stop() {
    if (agent != null) {
      agent.close();
    }
    if (lab != null) {
      lab.close();
    }
  }

  private void snmptrap(String community, String... varbinds) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                "snmptrap",
                "-v",
                "2c",
                "-c",
                community,
                "127.0.0.1:" + agent.trapAddress().orElseThrow().getPort(),
                ""));
    command.addAll(List.of(varbinds));
    ProcessRunner.defaults().withTimeout(Duration.ofSeconds(20)).exec(command).requireSuccess();
  }

  private String metrics() {
    return MetricsEndpoint.at(agent.httpAddress()).text();
  }

  @Test
  void anIkeFailureTrapFromADeviceOpensAPhase1FailureBeforeTheNextPoll() throws Exception {
    // The first poll has run (the interval is 30 s, so the next one is far away).
    await().atMost(Duration.ofSeconds(20)).until(() -> agent.states().allPolledOnce());

    snmptrap(COMMUNITY, IKE_PROTOCOL_FAILURE, PEER_REMOTE, "x", "C8000001");

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(events)
                    .anySatisfy(
                        e -> {
                          assertThat(e.kind()).isEqualTo(EventKind.PHASE1_FAILURE);
                          assertThat(e.status()).isEqualTo(EventStatus.OPENED);
                          assertThat(e.subject()).isEqualTo(ObjectRef.peer("R1", "200.0.0.1"));
                        }));
    assertThat(metrics()).contains("tunnelwatch_traps_total{outcome=\"accepted\"} 1.0");
  }

  @Test
  void aTrapWithAnotherCommunityIsDroppedAndCounted() throws Exception {
    snmptrap("not-the-community", IKE_PROTOCOL_FAILURE, PEER_REMOTE, "x", "C8000001");

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(metrics())
                    .contains("tunnelwatch_traps_total{outcome=\"bad_credentials\"} 1.0"));
    assertThat(events).noneMatch(e -> e.kind() == EventKind.PHASE1_FAILURE);
  }
}
