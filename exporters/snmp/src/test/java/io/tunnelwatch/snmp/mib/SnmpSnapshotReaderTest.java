package io.tunnelwatch.snmp.mib;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunnelwatch.core.model.DeviceSnapshot;
import io.tunnelwatch.core.model.FailurePhase;
import io.tunnelwatch.core.model.IkeSa;
import io.tunnelwatch.core.model.IpsecFlow;
import io.tunnelwatch.core.model.SaFailure;
import io.tunnelwatch.core.model.Source;
import io.tunnelwatch.core.model.SpiPair;
import io.tunnelwatch.core.model.TunnelInterface;
import io.tunnelwatch.snmp.ReferenceRouter;
import io.tunnelwatch.snmp.VarBind;
import io.tunnelwatch.snmp.Vb;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SnmpSnapshotReaderTest {

  private static final Instant NOW = Instant.parse("2026-11-29T03:00:00Z");

  static SnmpWalks reference() {
    return new SnmpWalks(
        new VarBind(MibOids.SYS_UP_TIME, Vb.ticks(8_640_000)),
        ReferenceRouter.ikeGlobalStats(),
        ReferenceRouter.ikeTunnels(),
        ReferenceRouter.ipsecGlobalStats(),
        ReferenceRouter.ipsecTunnels(),
        ReferenceRouter.ipsecEndpoints(),
        ReferenceRouter.ipsecSpis(),
        ReferenceRouter.ikeFailures(),
        ReferenceRouter.ipsecFailures(),
        ReferenceRouter.cpu(),
        ReferenceRouter.interfaces(7));
  }

  @Test
  void readsEveryPartOfTheReferenceRouter() {
    MibRead<DeviceSnapshot> read = SnmpSnapshotReader.read("R1", NOW, reference());

    assertThat(read.warnings()).isEmpty();
    DeviceSnapshot s = read.value();
    assertThat(s.device()).isEqualTo("R1");
    assertThat(s.source()).isEqualTo(Source.SNMP);
    assertThat(s.collectedAt()).isEqualTo(NOW);
    assertThat(s.uptime()).contains(Duration.ofDays(1));

    assertThat(s.ikeSas()).hasSize(1);
    IkeSa ike = s.ikeSas().get(0);
    assertThat(ike.peer()).isEqualTo("200.0.0.1");
    assertThat(ike.localAddress()).isEqualTo("100.0.0.1");
    assertThat(ike.established()).isTrue();
    assertThat(ike.state()).isEqualTo("active");
    assertThat(ike.connId()).hasValue(1);
    assertThat(ike.activeSeconds()).hasValue(3600);
    assertThat(ike.lifetimeRemainingSeconds()).hasValue(86400 - 3600);

    assertThat(s.ipsecFlows()).hasSize(1);
    IpsecFlow flow = s.ipsecFlows().get(0);
    assertThat(flow.peer()).isEqualTo("200.0.0.1");
    assertThat(flow.flow()).isEqualTo(ReferenceRouter.FLOW);
    assertThat(flow.up()).isTrue();
    assertThat(flow.spis()).contains(new SpiPair("0x1F2E3D4C", "0xC3B3FC8C"));
    assertThat(flow.activeSeconds()).hasValue(600);
    assertThat(flow.lifetimeRemainingSeconds()).hasValue(3000);
    var c = flow.counters();
    assertThat(c.receiveBytes()).hasValue(ReferenceRouter.IN_OCTETS);
    assertThat(c.transmitBytes()).hasValue(ReferenceRouter.OUT_OCTETS);
    assertThat(c.decapsulated()).hasValue(1_000);
    assertThat(c.decrypted()).hasValue(990);
    assertThat(c.encapsulated()).hasValue(2_000);
    assertThat(c.encrypted()).hasValue(1_995);
    assertThat(c.receiveErrors()).hasValue(7);
    assertThat(c.sendErrors()).hasValue(11);
    assertThat(c.replayErrors()).hasValue(8);
    assertThat(c.authErrors()).hasValue(9 + 12);
    assertThat(c.decryptErrors()).hasValue(10);
    assertThat(c.encryptErrors()).hasValue(13);

    assertThat(s.cpu())
        .hasValueSatisfying(
            cpu -> {
              assertThat(cpu.fiveSeconds()).isEqualTo(0.12);
              assertThat(cpu.oneMinute()).isEqualTo(0.08);
              assertThat(cpu.fiveMinutes()).isEqualTo(0.05);
            });

    assertThat(s.failureCounters().phase1()).hasValue(3 + 4 + 5 + 6);
    assertThat(s.failureCounters().phase2()).hasValue(1 + 2 + 3 + 4 + 5);
    assertThat(s.failures())
        .containsExactly(
            new SaFailure(
                FailurePhase.PHASE1,
                17,
                Optional.of("200.0.0.1"),
                "authFailure",
                Optional.of(Duration.ofMillis(123_450))),
            new SaFailure(
                FailurePhase.PHASE2,
                4,
                Optional.of("200.0.0.1"),
                "proposalFailure",
                Optional.of(Duration.ofMillis(234_560))));

    assertThat(s.tunnels()).hasSize(1);
    TunnelInterface t = s.tunnels().get(0);
    assertThat(t.name()).isEqualTo("Tunnel10");
    assertThat(t.adminUp()).isTrue();
    assertThat(t.lineProtocolUp()).isTrue();
    assertThat(t.sourceAddress()).isEqualTo("100.0.0.1");
    assertThat(t.destinationAddress()).isEqualTo("200.0.0.1");
    assertThat(t.mode()).isEqualTo("GRE/IP");
    assertThat(t.counters().receiveBytes()).hasValue(5_000_000_000L);
    assertThat(t.counters().transmitBytes()).hasValue(6_000_000_000L);
    assertThat(t.counters().receivePackets()).hasValue(40_000_000L);
    assertThat(t.counters().transmitPackets()).hasValue(50_000_000L);
    assertThat(t.counters().receiveDrops()).hasValue(2);
    assertThat(t.counters().receiveErrors()).hasValue(3);
    assertThat(t.counters().transmitDrops()).hasValue(4);
    assertThat(t.counters().transmitErrors()).hasValue(5);
  }

  @Test
  void aDeviceWithoutTheIpsecMibGivesAnEmptySnapshotAndSaysWhy() {
    SnmpWalks walks =
        new SnmpWalks(
            new VarBind(MibOids.SYS_UP_TIME, Vb.ticks(100)),
            java.util.List.of(),
            java.util.List.of(),
            java.util.List.of(),
            java.util.List.of(),
            java.util.List.of(),
            java.util.List.of(),
            java.util.List.of(),
            java.util.List.of(),
            java.util.List.of(),
            java.util.List.of());

    MibRead<DeviceSnapshot> read = SnmpSnapshotReader.read("R9", NOW, walks);

    assertThat(read.value().ikeSas()).isEmpty();
    assertThat(read.value().cpu()).isEmpty();
    assertThat(read.value().failureCounters().phase1()).isEqualTo(OptionalLong.empty());
    assertThat(read.warnings())
        .extracting(MibWarning::table)
        .containsExactly("cikeGlobalStats", "cipSecGlobalStats");
  }

  @Test
  void anUptimeOfAnotherTypeIsAWarningNotAZero() {
    MibRead<Optional<Duration>> read = SnmpSnapshotReader.uptime(Vb.integer(5));

    assertThat(read.value()).isEmpty();
    assertThat(read.warnings()).singleElement().asString().contains("expected TimeTicks");
  }
}
