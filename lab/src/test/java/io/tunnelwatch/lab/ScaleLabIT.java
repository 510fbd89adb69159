package io.tunnelwatch.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunnelwatch.lab.sim.CryptoSnapshot;
import io.tunnelwatch.lab.sim.RouterSnapshot;
import io.tunnelwatch.lab.sim.ScaleTopology;
import io.tunnelwatch.lab.sim.SimulatedRouter;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.junit.jupiter.api.Test;
import org.snmp4j.CommunityTarget;
import org.snmp4j.PDU;
import org.snmp4j.Snmp;
import org.snmp4j.event.ResponseEvent;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.smi.Address;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.transport.DefaultUdpTransportMapping;

/** Scale mode: N routers with M tunnels each, consistent pairs, every face answering. */
class ScaleLabIT {
  private static final OID SYS_NAME = new OID("1.3.6.1.2.1.1.5.0");

  @Test
  void everyRouterHasMDistinctPeersThatMirrorIt() {
    ManualClock clock = new ManualClock(Instant.parse("2026-03-02T10:00:00Z"));
    List<SimulatedRouter> routers = ScaleTopology.create(clock, 7, 4);
    clock.advance(Duration.ofMinutes(5));
    Map<String, RouterSnapshot> byUplink = new HashMap<>();
    for (SimulatedRouter r : routers) {
      RouterSnapshot s = r.snapshot();
      byUplink.put(s.crypto().localAddress(), s);
    }
    assertThat(byUplink).hasSize(7);
    for (RouterSnapshot s : byUplink.values()) {
      assertThat(s.sessions()).hasSize(4);
      Set<String> peers = new HashSet<>();
      Set<Integer> connIds = new HashSet<>();
      for (CryptoSnapshot c : s.sessions()) {
        peers.add(c.peerAddress());
        connIds.add(c.ike().connId());
        CryptoSnapshot mirror =
            byUplink.get(c.peerAddress()).sessions().stream()
                .filter(p -> p.peerAddress().equals(c.localAddress()))
                .findFirst()
                .orElseThrow();
        assertThat(mirror.inbound().spi()).isEqualTo(c.outbound().spi());
        assertThat(mirror.decapsulated()).isEqualTo(c.encapsulated()).isPositive();
      }
      assertThat(peers).hasSize(4).doesNotContain(s.crypto().localAddress());
      assertThat(connIds).as("conn-ids are unique per router").hasSize(4);
      assertThat(s.interfaces().stream().filter(i -> i.isTunnel()).count()).isEqualTo(4);
    }
  }

  @Test
  void impossibleShapesAreRefusedWithTheExpectedForm() {
    ManualClock clock = new ManualClock(Instant.parse("2026-03-02T10:00:00Z"));
    assertThatThrownBy(() -> ScaleTopology.create(clock, 5, 3))
        .hasMessageContaining("even number of routers");
    assertThatThrownBy(() -> ScaleTopology.create(clock, 4, 4))
        .hasMessageContaining("1 to routers-1 tunnels");
    assertThatThrownBy(() -> ScaleLab.Spec.parse("200by4"))
        .hasMessageContaining("ROUTERSxTUNNELS, e.g. 200x4");
    assertThat(ScaleLab.Spec.parse("200x4")).isEqualTo(new ScaleLab.Spec(200, 4, 0, 0));
  }

  @Test
  void aFaultOnAScaleRouterBreaksItsFirstTunnelAndCountsOnBothEnds() {
    ManualClock clock = new ManualClock(Instant.parse("2026-03-02T10:00:00Z"));
    LabOptions options =
        LabOptions.builder()
            .clock(clock)
            .snmp(LabSnmpOptions.builder().enabled(false).build())
            .build();
    try (RunningLab lab = ScaleLab.start(options, ScaleLab.Spec.parse("4x2"))) {
      LabRouter r1 = lab.router("R1");
      assertThat(r1.injectFault(Fault.PSK_MISMATCH)).isTrue();
      clock.advance(Duration.ofSeconds(10));
      RouterSnapshot s = r1.snapshot();
      assertThat(s.activeFaults()).containsExactly(Fault.PSK_MISMATCH);
      assertThat(s.sessions())
          .extracting(CryptoSnapshot::status)
          .containsExactly(
              CryptoSnapshot.SessionStatus.DOWN_NEGOTIATING,
              CryptoSnapshot.SessionStatus.UP_ACTIVE);
      // Failure counters add up all tunnels of a router; only the first one fails here.
      assertThat(s.failures().phase1()).isEqualTo(2);
      assertThat(s.failures().ikeAuthFails()).isEqualTo(2);
      // Tunnel 1 of 2: record k becomes row 2k-1, so rows of other tunnels never collide.
      assertThat(s.phase1Failures()).extracting(r -> r.index()).containsExactly(1L, 3L);
      String peer = s.crypto().peerAddress();
      long peersFailing = 0;
      for (LabRouter other : lab.routers()) {
        RouterSnapshot o = other.snapshot();
        if (other == r1) {
          continue;
        }
        if (o.sessions().stream()
            .anyMatch(
                c ->
                    c.peerAddress().equals(s.crypto().localAddress())
                        && c.localAddress().equals(peer))) {
          peersFailing++;
          assertThat(o.failures().phase1()).as(other.name()).isEqualTo(2);
        } else {
          assertThat(o.failures().phase1()).as(other.name()).isZero();
        }
      }
      assertThat(peersFailing).isEqualTo(1);
      String cli = r1.execute("show crypto session");
      assertThat(cli).contains("Session status: DOWN-NEGOTIATING", "Session status: UP-ACTIVE");

      assertThat(r1.healFault(Fault.PSK_MISMATCH)).isTrue();
      assertThat(r1.snapshot().sessions())
          .extracting(CryptoSnapshot::status)
          .containsOnly(CryptoSnapshot.SessionStatus.UP_ACTIVE);
    }
  }

  @Test
  void scaleLabAnswersSshAndSnmpOnEveryRouter() throws IOException {
    ManualClock clock = new ManualClock(Instant.parse("2026-03-02T10:00:00Z"));
    int n = 24;
    int m = 3;
    int sharedPort;
    try (java.net.DatagramSocket probe = new java.net.DatagramSocket(0)) {
      sharedPort = probe.getLocalPort();
    }
    // Each agent has its own loopback address, so all of them can listen on one port.
    LabOptions options =
        LabOptions.builder()
            .clock(clock)
            .snmp(
                LabSnmpOptions.builder()
                    .ports(java.util.Collections.nCopies(n, sharedPort))
                    .build())
            .build();
    try (RunningLab lab = ScaleLab.start(options, ScaleLab.Spec.parse(n + "x" + m));
        Snmp snmp = new Snmp(new DefaultUdpTransportMapping())) {
      snmp.listen();
      clock.advance(Duration.ofMinutes(2));
      assertThat(lab.routers()).hasSize(n);
      Set<String> snmpHosts = new HashSet<>();
      Map<String, Long> outboundSpis = new HashMap<>();
      for (LabRouter router : lab.routers()) {
        InetSocketAddress a = lab.snmpAddress(router.name());
        snmpHosts.add(a.getAddress().getHostAddress());
        assertThat(a.getPort()).isEqualTo(sharedPort);
        CommunityTarget<Address> target =
            new CommunityTarget<>(
                new UdpAddress(a.getAddress(), a.getPort()), new OctetString("public"));
        target.setVersion(SnmpConstants.version2c);
        target.setTimeout(2000);
        target.setRetries(1);
        PDU pdu = new PDU();
        pdu.add(new VariableBinding(SYS_NAME));
        ResponseEvent<Address> answer = snmp.send(pdu, target);
        assertThat(answer.getResponse()).as(router.name()).isNotNull();
        assertThat(answer.getResponse().get(0).getVariable()).hasToString(router.name());
        // The CLI lists m flows, and SNMP serves m SPI pairs with the same outbound SPIs.
        String cli = router.execute("show crypto ipsec sa");
        Matcher spi = Pattern.compile("current outbound spi: 0x[0-9A-F]+\\((\\d+)\\)").matcher(cli);
        int flows = 0;
        while (spi.find()) {
          flows++;
          outboundSpis.put(router.name() + "/" + flows, Long.parseLong(spi.group(1)));
        }
        assertThat(flows).isEqualTo(m);
        String sessions = router.execute("show crypto session");
        assertThat(sessions.split("Interface: Tunnel").length - 1).isEqualTo(m);
        assertThat(sessions.split("Session status: UP-ACTIVE").length - 1).isEqualTo(m);
        assertThat(router.execute("show interfaces tunnel " + m))
            .startsWith("Tunnel" + m + " is up");
        assertThat(cli.split("\n   protected vrf").length - 1).isEqualTo(m);
      }
      assertThat(snmpHosts).as("one loopback address per router").hasSize(n);
      assertThat(new HashSet<>(outboundSpis.values())).hasSize(n * m);

      SshClient client = Terminal.client();
      try {
        for (LabRouter router : lab.routers()) {
          try (ClientSession session = Terminal.connect(client, router)) {
            session.addPasswordIdentity("cisco");
            session.auth().verify(Terminal.TIMEOUT);
            String isakmp = session.executeRemoteCommand("show crypto isakmp sa");
            assertThat(isakmp.split("QM_IDLE").length - 1).as(router.name()).isEqualTo(m);
          }
        }
      } finally {
        client.stop();
      }

      String inventory = LabInventory.json(lab);
      assertThat(inventory.split("\"name\":").length - 1).isEqualTo(n);
      assertThat(inventory.split("\"interface\":").length - 1).isEqualTo(n * m);
      assertThat(inventory).contains("{\"name\":\"R1\",\"site\":\"Branch-001\"");
      assertThat(inventory).doesNotContain("cisco").doesNotContain("public");
    }
  }
}
