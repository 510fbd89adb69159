package io.tunnelwatch.ios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunnelwatch.core.model.CpuLoad;
import io.tunnelwatch.core.model.DeviceSnapshot;
import io.tunnelwatch.core.model.IkeSa;
import io.tunnelwatch.core.model.IkeVersion;
import io.tunnelwatch.core.model.InterfaceCounters;
import io.tunnelwatch.core.model.IpsecCounters;
import io.tunnelwatch.core.model.IpsecFlow;
import io.tunnelwatch.core.model.Source;
import io.tunnelwatch.core.model.SpiPair;
import io.tunnelwatch.core.model.TunnelInterface;
import io.tunnelwatch.ios.parse.ParseException;
import io.tunnelwatch.ios.parse.Parsed;
import io.tunnelwatch.ios.parse.Samples;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class CliSnapshotAssemblerTest {

  private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  private static final long IKE_LIFETIME = 23 * 3600 + 2 * 60 + 57;

  private static CliOutputs r1(String isakmp) {
    return new CliOutputs(
        Samples.read("r1-crypto-session-detail.txt"),
        Samples.read(isakmp),
        Samples.read("r1-ipsec-sa.txt"),
        Samples.read("r1-interfaces.txt"),
        Samples.read("r1-cpu.txt"));
  }

  @Test
  void assemblesR1() {
    Parsed<DeviceSnapshot> parsed =
        CliSnapshotAssembler.assemble("R1", NOW, r1("r1-isakmp-sa-detail.txt"));

    assertThat(parsed.warnings()).isEmpty();
    DeviceSnapshot s = parsed.value();
    assertThat(s.device()).isEqualTo("R1");
    assertThat(s.source()).isEqualTo(Source.SSH);
    assertThat(s.collectedAt()).isEqualTo(NOW);
    assertThat(s.tunnels())
        .containsExactly(
            new TunnelInterface(
                "Tunnel10",
                true,
                true,
                "100.0.0.1",
                "200.0.0.1",
                "GRE/IP",
                new InterfaceCounters(
                    OptionalLong.of(5_123_456_789L),
                    OptionalLong.of(712_345_678_901L),
                    OptionalLong.of(5_123_456_999L),
                    OptionalLong.of(712_345_679_999L),
                    OptionalLong.of(5),
                    OptionalLong.of(6),
                    OptionalLong.of(4),
                    OptionalLong.of(7))));
    assertThat(s.ikeSas())
        .containsExactly(
            new IkeSa(
                "200.0.0.1",
                "100.0.0.1",
                IkeVersion.IKEV1,
                "ACTIVE",
                true,
                OptionalLong.of(1001),
                OptionalLong.of(IKE_LIFETIME)),
            new IkeSa(
                "203.0.113.9",
                "100.0.0.1",
                IkeVersion.IKEV1,
                "DOWN-NEGOTIATING",
                false,
                OptionalLong.empty(),
                OptionalLong.empty()));
    assertThat(s.ipsecFlows())
        .containsExactly(
            new IpsecFlow(
                "200.0.0.1",
                "100.0.0.1/32:47->200.0.0.1/32:47",
                "FastEthernet0/0",
                true,
                Optional.of(new SpiPair("0x1F2E3D4C", "0xC1A2B3D4")),
                OptionalLong.of(2757),
                new IpsecCounters(
                    OptionalLong.of(4_212_345_999L),
                    OptionalLong.of(4_212_345_999L),
                    OptionalLong.of(4_212_345_678L),
                    OptionalLong.of(4_212_345_678L),
                    OptionalLong.empty(),
                    OptionalLong.empty(),
                    OptionalLong.of(2),
                    OptionalLong.of(1))),
            // Tunnel20's spoke is down: listed by the session output only
            new IpsecFlow(
                "203.0.113.9",
                "100.0.0.1/32:47->203.0.113.9/32:47",
                "Tunnel20",
                false,
                Optional.empty(),
                OptionalLong.empty(),
                IpsecCounters.NONE));
    assertThat(s.cpu()).contains(new CpuLoad(0.12, 0.09, 0.07));
  }

  @Test
  void plainIsakmpPrefersTheEstablishedSaAndBorrowsTheSessionLifetime() {
    DeviceSnapshot s = CliSnapshotAssembler.assemble("R1", NOW, r1("r1-isakmp-sa.txt")).value();

    IkeSa sa = s.ikeSas().get(0);
    assertThat(sa.peer()).isEqualTo("200.0.0.1");
    assertThat(sa.state()).isEqualTo("QM_IDLE");
    assertThat(sa.established()).isTrue();
    assertThat(sa.connId()).hasValue(1001);
    assertThat(sa.lifetimeRemainingSeconds()).hasValue(IKE_LIFETIME);
  }

  @Test
  void responderRowsAreTurnedAroundUsingTheRoutersOwnAddresses() {
    // R1 answered R2's exchange: dst is R1 itself
    String isakmp =
        "IPv4 Crypto ISAKMP SA\ndst             src             state          conn-id status\n"
            + "100.0.0.1       200.0.0.1       MM_KEY_EXCH       1003 ACTIVE\n";
    CliOutputs outputs =
        new CliOutputs(null, isakmp, null, Samples.read("r1-interfaces.txt"), null);

    DeviceSnapshot s = CliSnapshotAssembler.assemble("R1", NOW, outputs).value();

    assertThat(s.ikeSas())
        .containsExactly(
            new IkeSa(
                "200.0.0.1",
                "100.0.0.1",
                IkeVersion.IKEV1,
                "MM_KEY_EXCH",
                false,
                OptionalLong.of(1003),
                OptionalLong.empty()));
  }

  @Test
  void flowWithoutActiveSasIsDown() {
    String ipsec =
        "interface: Tunnel10\n    Crypto map tag: Tunnel10-head-0, local addr 100.0.0.1\n"
            + "   protected vrf: (none)\n"
            + "   local  ident (addr/mask/prot/port): (100.0.0.1/255.255.255.255/47/0)\n"
            + "   remote ident (addr/mask/prot/port): (200.0.0.1/255.255.255.255/47/0)\n"
            + "   current_peer 200.0.0.1 port 500\n    #pkts encaps: 0, #pkts encrypt: 0, #pkts digest: 0\n"
            + "     current outbound spi: 0x0(0)\n     inbound esp sas:\n     outbound esp sas:\n";
    DeviceSnapshot s =
        CliSnapshotAssembler.assemble("R1", NOW, new CliOutputs(null, null, ipsec, null, null))
            .value();

    IpsecFlow flow = s.ipsecFlows().get(0);
    assertThat(flow.up()).isFalse();
    assertThat(flow.spis()).isEmpty();
    assertThat(flow.lifetimeRemainingSeconds()).isEmpty();
    assertThat(flow.counters().decrypted()).isEmpty();
    assertThat(flow.counters().encrypted()).hasValue(0);
  }

  private static final String DOWN_SPOKE_SESSION =
      "Crypto session current status\n\nInterface: Tunnel10\nSession status: DOWN\n"
          + "Peer: 203.0.113.9 port 500 fvrf: (none) ivrf: (none)\n      Phase1_id: (none)\n"
          + "      Desc: (none)\n  IPSEC FLOW: permit 47 host 100.0.0.1 host 203.0.113.9 \n"
          + "        Active SAs: 0, origin: crypto map\n"
          + "        Inbound:  #pkts dec'ed 0 drop 0 life (KB/Sec) 0/0\n"
          + "        Outbound: #pkts enc'ed 0 drop 0 life (KB/Sec) 0/0\n";

  @Test
  void aSessionFlowWithoutActiveSasTheIpsecOutputLacksIsDown() {
    DeviceSnapshot s =
        CliSnapshotAssembler.assemble(
                "R1", NOW, new CliOutputs(DOWN_SPOKE_SESSION, null, null, null, null))
            .value();

    assertThat(s.ipsecFlows())
        .containsExactly(
            new IpsecFlow(
                "203.0.113.9",
                "100.0.0.1/32:47->203.0.113.9/32:47",
                "Tunnel10",
                false,
                Optional.empty(),
                OptionalLong.empty(),
                IpsecCounters.NONE));
  }

  @Test
  void theIpsecOutputsBlockWinsOverTheSameSessionFlow() {
    String ipsec =
        "interface: Tunnel10\n    Crypto map tag: Tunnel10-head-0, local addr 100.0.0.1\n"
            + "   local  ident (addr/mask/prot/port): (100.0.0.1/255.255.255.255/47/0)\n"
            + "   remote ident (addr/mask/prot/port): (203.0.113.9/255.255.255.255/47/0)\n"
            + "   current_peer 203.0.113.9 port 500\n"
            + "    #pkts encaps: 7, #pkts encrypt: 7, #pkts digest: 7\n"
            + "     inbound esp sas:\n     outbound esp sas:\n";

    Parsed<DeviceSnapshot> parsed =
        CliSnapshotAssembler.assemble(
            "R1", NOW, new CliOutputs(DOWN_SPOKE_SESSION, null, ipsec, null, null));

    assertThat(parsed.warnings()).isEmpty();
    assertThat(parsed.value().ipsecFlows())
        .singleElement()
        .satisfies(
            flow -> {
              assertThat(flow.up()).isFalse();
              assertThat(flow.counters().encrypted()).hasValue(7);
            });
  }

  @Test
  void sessionFlowsWithActiveSasAddNothing() {
    // the ipsec output alone says whether they are up; without it they are not guessed at
    String session =
        DOWN_SPOKE_SESSION.replace("Active SAs: 0", "Active SAs: 2").replace("DOWN", "UP-ACTIVE");

    DeviceSnapshot s =
        CliSnapshotAssembler.assemble("R1", NOW, new CliOutputs(session, null, null, null, null))
            .value();

    assertThat(s.ipsecFlows()).isEmpty();
  }

  @Test
  void aSessionFlowInAnUnknownFormIsWarnedAboutNotGuessed() {
    String session =
        DOWN_SPOKE_SESSION.replace(
            "permit 47 host 100.0.0.1 host 203.0.113.9", "permit ip any any");

    Parsed<DeviceSnapshot> parsed =
        CliSnapshotAssembler.assemble("R1", NOW, new CliOutputs(session, null, null, null, null));

    assertThat(parsed.value().ipsecFlows()).isEmpty();
    assertThat(parsed.warnings())
        .singleElement()
        .satisfies(w -> assertThat(w.reason()).contains("203.0.113.9", "not exported"));
  }

  @Test
  void nothingCollectedIsAnEmptySnapshot() {
    DeviceSnapshot s =
        CliSnapshotAssembler.assemble("R1", NOW, new CliOutputs(null, null, null, null, null))
            .value();

    assertThat(s.tunnels()).isEmpty();
    assertThat(s.ikeSas()).isEmpty();
    assertThat(s.ipsecFlows()).isEmpty();
    assertThat(s.cpu()).isEmpty();
  }

  @Test
  void perCoreCpuIsAveraged() {
    String cpu =
        "Core 0: CPU utilization for five seconds: 10%; one minute: 20%;  five minutes: 30%\n"
            + "Core 1: CPU utilization for five seconds: 30%; one minute: 40%;  five minutes: 50%\n";
    DeviceSnapshot s =
        CliSnapshotAssembler.assemble("R1", NOW, new CliOutputs(null, null, null, null, cpu))
            .value();

    assertThat(s.cpu()).contains(new CpuLoad(0.2, 0.3, 0.4));
  }

  @Test
  void aRejectedOutputFailsTheAssembly() {
    CliOutputs outputs =
        new CliOutputs(null, null, null, "% Invalid input detected at '^' marker.", null);

    assertThatThrownBy(() -> CliSnapshotAssembler.assemble("R1", NOW, outputs))
        .isInstanceOf(ParseException.class);
  }
}
