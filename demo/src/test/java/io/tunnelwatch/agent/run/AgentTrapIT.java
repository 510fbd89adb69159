package io.tunnelwatch.agent.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tunnelwatch.agent.NetSnmpTraps;
import io.tunnelwatch.agent.config.AgentConfig;
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
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snmp4j.CommunityTarget;
import org.snmp4j.PDU;
import org.snmp4j.Snmp;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.transport.DefaultUdpTransportMapping;

/**
 * Traps sent by Net-SNMP's {@code snmptrap} to the agent's own receiver: from a configured device
 * they open an event at once, between polls; from anywhere else they are dropped and counted.
 */
class AgentTrapIT {

  private static final String USER = "tunnelwatch";
  private static final String PASSWORD = "trap-pass-5c21e";
  private static final String COMMUNITY = "trap-community-91";
  private static final String IKE_PROTOCOL_FAILURE = NetSnmpTraps.IKE_PROTOCOL_FAILURE;
  private static final String PEER_REMOTE = NetSnmpTraps.PEER_REMOTE;

  @TempDir Path dir;
  private final List<Event> events = new CopyOnWriteArrayList<>();
  private RunningLab lab;
  private Agent agent;

  @BeforeEach
  void start() throws Exception {
    lab = ReferenceLab.start(LabOptions.builder().credentials(USER, PASSWORD).build());
    AgentConfig demo =
        DemoConfig.forLab(lab, USER, PASSWORD, "127.0.0.1:0", Duration.ofSeconds(30), dir);
    // Only R1 keeps its loopback address: a trap from 127.0.0.1 is R1's.
    AgentConfig config = NetSnmpTraps.receiving(demo, COMMUNITY);
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
    NetSnmpTraps.send(agent.trapAddress().orElseThrow(), community, varbinds);
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

  private double trapsCounted(String metricsText, String outcome) {
    return MetricsEndpoint.value(
            metricsText, "tunnelwatch_traps_total{outcome=\"" + outcome + "\"}")
        .orElse(0.0);
  }

  private double trapsCounted() {
    String text = metrics();
    return List.of(
            "accepted",
            "unknown_source",
            "bad_credentials",
            "unsupported",
            "rate_limited",
            "malformed")
        .stream()
        .mapToDouble(outcome -> trapsCounted(text, outcome))
        .sum();
  }

  /**
   * Issue 17's forged-trap case: 20,000 invented {@code ifDescr} values had become tunnel_down
   * events, alerts and report rows. Now a flood from a device's address is cut to the device's
   * rate, what gets through about tunnels no poll has shown opens nothing, and garbage is counted.
   */
  @Test
  void forgedTrapsAboutTunnelsTheDeviceDoesNotHaveOpenNothingAndAFloodIsRateLimited()
      throws Exception {
    await().atMost(Duration.ofSeconds(20)).until(() -> agent.states().allPolledOnce());
    int forged = 150;
    int garbage = 20;
    InetSocketAddress receiver =
        new InetSocketAddress("127.0.0.1", agent.trapAddress().orElseThrow().getPort());
    try (Snmp sender = new Snmp(new DefaultUdpTransportMapping())) {
      CommunityTarget<UdpAddress> target =
          new CommunityTarget<>(
              new UdpAddress(receiver.getAddress(), receiver.getPort()),
              new OctetString(COMMUNITY));
      target.setVersion(SnmpConstants.version2c);
      for (int i = 0; i < forged; i++) {
        PDU trap = new PDU();
        trap.setType(PDU.TRAP);
        trap.add(new VariableBinding(SnmpConstants.sysUpTime, new TimeTicks(i)));
        trap.add(new VariableBinding(SnmpConstants.snmpTrapOID, SnmpConstants.linkDown));
        trap.add(new VariableBinding(new OID("1.3.6.1.2.1.2.2.1.1.9"), new Integer32(9000 + i)));
        trap.add(
            new VariableBinding(
                new OID("1.3.6.1.2.1.2.2.1.2." + (9000 + i)),
                new OctetString("Tunnel" + (9000 + i))));
        sender.send(trap, target);
        int sentSoFar = i + 1;
        if (sentSoFar % 25 == 0) {
          // A busy machine's socket buffer drops a burst of hundreds; batches it takes whole.
          await().atMost(Duration.ofSeconds(5)).until(() -> trapsCounted() >= sentSoFar - 5);
        }
      }
    }
    try (DatagramSocket socket = new DatagramSocket()) {
      for (int i = 0; i < garbage; i++) {
        byte[] bytes = ("forged " + i).getBytes(StandardCharsets.US_ASCII);
        socket.send(new DatagramPacket(bytes, bytes.length, receiver));
      }
    }

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> trapsCounted(metrics(), "malformed") == garbage);
    String text = metrics();
    assertThat(trapsCounted(text, "rate_limited")).isPositive();
    assertThat(trapsCounted(text, "accepted") + trapsCounted(text, "rate_limited"))
        .isBetween(forged - 5.0, (double) forged);
    assertThat(events).noneMatch(e -> e.kind() == EventKind.TUNNEL_DOWN);
    // Neither a condition nor a series names an invented tunnel.
    assertThat(text).doesNotContain("Tunnel9");
  }
}
