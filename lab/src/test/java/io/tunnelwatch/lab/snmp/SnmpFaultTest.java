package io.tunnelwatch.lab.snmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tunnelwatch.lab.Fault;
import io.tunnelwatch.lab.LabOptions;
import io.tunnelwatch.lab.LabRouter;
import io.tunnelwatch.lab.LabSnmpOptions;
import io.tunnelwatch.lab.ManualClock;
import io.tunnelwatch.lab.ReferenceLab;
import io.tunnelwatch.lab.RunningLab;
import io.tunnelwatch.lab.sim.FailureCounters;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.snmp4j.CommandResponder;
import org.snmp4j.CommandResponderEvent;
import org.snmp4j.CommunityTarget;
import org.snmp4j.PDU;
import org.snmp4j.Snmp;
import org.snmp4j.Target;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.smi.Address;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.transport.DefaultUdpTransportMapping;
import org.snmp4j.util.DefaultPDUFactory;
import org.snmp4j.util.TreeEvent;
import org.snmp4j.util.TreeUtils;

/**
 * Injected negotiation faults seen by an SNMP manager: the failure counters grow with every failed
 * attempt of the simulated clock, each attempt adds a failure table row, and each row is announced
 * by a failure trap from the router's own address.
 */
class SnmpFaultTest {
  private static final String COMMUNITY = "tw-fault-ro";
  private static final String FLOW = "1.3.6.1.4.1.9.9.171.1";
  private static final String IKE_INIT_FAILS = FLOW + ".2.1.20.0";
  private static final String IKE_RESP_FAILS = FLOW + ".2.1.21.0";
  private static final String IKE_AUTH_FAILS = FLOW + ".2.1.23.0";
  private static final String IPSEC_PROTOCOL_USE_FAILS = FLOW + ".3.1.28.0";
  private static final String IKE_TUNNEL_STATUS = FLOW + ".2.3.1.35";
  private static final String IKE_FAIL_REASON = FLOW + ".5.2.1.1.2";
  private static final String IPSEC_FAIL_REASON = FLOW + ".5.3.1.1.2";
  private static final String PROTOCOL_FAILURE_TRAP = "1.3.6.1.4.1.9.9.171.2.0.5";
  private static final String SETUP_FAILURE_TRAP = "1.3.6.1.4.1.9.9.171.2.0.10";

  private final List<String> traps = new CopyOnWriteArrayList<>();
  private ManualClock clock;
  private RunningLab lab;
  private Snmp snmp;

  @BeforeEach
  void start() throws IOException {
    snmp = new Snmp(new DefaultUdpTransportMapping(new UdpAddress("127.0.0.1/0")));
    snmp.addCommandResponder(
        new CommandResponder() {
          @Override
          public <A extends Address> void processPdu(CommandResponderEvent<A> event) {
            UdpAddress from = (UdpAddress) event.getPeerAddress();
            traps.add(
                from.getInetAddress().getHostAddress()
                    + " "
                    + event.getPDU().getVariable(SnmpConstants.snmpTrapOID));
          }
        });
    snmp.listen();
    int trapPort =
        ((DefaultUdpTransportMapping)
                snmp.getMessageDispatcher().getTransportMappings().iterator().next())
            .getListenAddress()
            .getPort();
    clock = new ManualClock(Instant.parse("2026-03-02T10:00:00Z"));
    lab =
        ReferenceLab.start(
            LabOptions.builder()
                .clock(clock)
                .snmp(
                    LabSnmpOptions.builder()
                        .community(COMMUNITY)
                        .trapTarget(new TrapTarget("127.0.0.1", trapPort, "traps"))
                        .changeCheckInterval(Duration.ofMillis(100))
                        .build())
                .build());
    // The periodic check records the healthy state first, so that later traps are about the fault.
    for (LabRouter router : lab.routers()) {
      router.checkSnmpTraps();
    }
  }

  @AfterEach
  void stop() throws IOException {
    if (lab != null) {
      lab.close();
    }
    if (snmp != null) {
      snmp.close();
    }
  }

  @Test
  void pskMismatchGrowsIkeFailureCountersAndFailTableAndSendsProtocolFailureTraps()
      throws IOException {
    assertThat(get("R1", IKE_INIT_FAILS, IKE_AUTH_FAILS)).containsExactly(0L, 0L);
    assertThat(walk("R1", IKE_FAIL_REASON)).isEmpty();
    assertThat(walk("R1", IKE_TUNNEL_STATUS)).hasSize(1);
    traps.clear();

    lab.router("R1").injectFault(Fault.PSK_MISMATCH);
    // The first attempt fails at injection, then one more every 10 s.
    clock.advance(Duration.ofSeconds(20));

    // R1 initiates every attempt and R2 responds; both fail to authenticate the other.
    assertThat(get("R1", IKE_INIT_FAILS, IKE_RESP_FAILS, IKE_AUTH_FAILS))
        .containsExactly(3L, 0L, 3L);
    assertThat(get("R2", IKE_INIT_FAILS, IKE_RESP_FAILS, IKE_AUTH_FAILS))
        .containsExactly(0L, 3L, 3L);
    FailureCounters cli = lab.router("R1").snapshot().failures();
    assertThat(cli.ikeInitTunnelFails()).isEqualTo(3);
    for (String router : List.of("R1", "R2")) {
      // Rows 1..3, each authFailure(5); the failing main mode is no IKE tunnel.
      assertThat(walk(router, IKE_FAIL_REASON))
          .containsExactly(
              Map.entry(IKE_FAIL_REASON + ".1", 5L),
              Map.entry(IKE_FAIL_REASON + ".2", 5L),
              Map.entry(IKE_FAIL_REASON + ".3", 5L));
      assertThat(walk(router, IKE_TUNNEL_STATUS)).isEmpty();
      assertThat(walk(router, IPSEC_FAIL_REASON)).isEmpty();
    }
    await()
        .atMost(10, TimeUnit.SECONDS)
        .untilAsserted(
            () ->
                assertThat(traps)
                    .contains(
                        "127.0.0.1 " + PROTOCOL_FAILURE_TRAP,
                        "127.0.0.2 " + PROTOCOL_FAILURE_TRAP,
                        "127.0.0.1 1.3.6.1.4.1.9.9.171.2.0.2"));

    traps.clear();
    clock.advance(Duration.ofSeconds(10));
    assertThat(get("R1", IKE_INIT_FAILS, IKE_AUTH_FAILS)).containsExactly(4L, 4L);
    assertThat(walk("R2", IKE_FAIL_REASON)).containsEntry(IKE_FAIL_REASON + ".4", 5L);
    await()
        .atMost(10, TimeUnit.SECONDS)
        .untilAsserted(
            () ->
                assertThat(traps)
                    .contains(
                        "127.0.0.1 " + PROTOCOL_FAILURE_TRAP,
                        "127.0.0.2 " + PROTOCOL_FAILURE_TRAP));
    assertThat(traps).doesNotContain("127.0.0.1 " + SETUP_FAILURE_TRAP);
  }

  @Test
  void aclMismatchFillsTheIpsecFailTableAndSendsSetupFailureTraps() throws IOException {
    traps.clear();
    lab.router("R2").injectFault(Fault.ACL_MISMATCH);
    clock.advance(Duration.ofSeconds(10));

    for (String router : List.of("R1", "R2")) {
      assertThat(get(router, IPSEC_PROTOCOL_USE_FAILS, IKE_INIT_FAILS)).containsExactly(2L, 0L);
      // protocolUseFail(5), one row per failed quick mode; the IKE SA stays up.
      assertThat(walk(router, IPSEC_FAIL_REASON))
          .containsExactly(
              Map.entry(IPSEC_FAIL_REASON + ".1", 5L), Map.entry(IPSEC_FAIL_REASON + ".2", 5L));
      assertThat(walk(router, IKE_TUNNEL_STATUS)).hasSize(1);
    }
    await()
        .atMost(10, TimeUnit.SECONDS)
        .untilAsserted(
            () ->
                assertThat(traps)
                    .contains(
                        "127.0.0.1 " + SETUP_FAILURE_TRAP, "127.0.0.2 " + SETUP_FAILURE_TRAP));
    assertThat(traps).doesNotContain("127.0.0.1 " + PROTOCOL_FAILURE_TRAP);
  }

  private Target<Address> target(String router) {
    InetSocketAddress a = lab.snmpAddress(router);
    CommunityTarget<Address> t =
        new CommunityTarget<>(
            new UdpAddress(a.getAddress(), a.getPort()), new OctetString(COMMUNITY));
    t.setVersion(SnmpConstants.version2c);
    t.setTimeout(1500);
    t.setRetries(1);
    return t;
  }

  private List<Long> get(String router, String... oids) throws IOException {
    PDU pdu = new PDU();
    pdu.setType(PDU.GET);
    for (String oid : oids) {
      pdu.add(new VariableBinding(new OID(oid)));
    }
    PDU response = snmp.send(pdu, target(router)).getResponse();
    assertThat(response).as("answer from " + router).isNotNull();
    assertThat(response.getErrorStatus()).isZero();
    return response.getVariableBindings().stream().map(vb -> vb.getVariable().toLong()).toList();
  }

  private Map<String, Long> walk(String router, String root) {
    TreeUtils tree = new TreeUtils(snmp, new DefaultPDUFactory(PDU.GETBULK));
    Map<String, Long> out = new TreeMap<>();
    for (TreeEvent event : tree.getSubtree(target(router), new OID(root))) {
      assertThat(event.isError()).as(event.getErrorMessage()).isFalse();
      if (event.getVariableBindings() == null) {
        continue;
      }
      for (VariableBinding vb : event.getVariableBindings()) {
        Variable v = vb.getVariable();
        out.put(vb.getOid().toDottedString(), v.toLong());
      }
    }
    return out;
  }
}
