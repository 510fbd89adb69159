package io.tunnelwatch.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SnapshotMergerTest {

  private static final Instant T0 = Instant.parse("2026-11-28T12:00:00Z");
  private static final String FLOW = "100.0.0.1/32:47->200.0.0.1/32:47";

  private static OptionalLong n(long value) {
    return OptionalLong.of(value);
  }

  private static final OptionalLong NONE = OptionalLong.empty();

  private static DeviceSnapshot ssh() {
    return new DeviceSnapshot(
        "R1",
        Source.SSH,
        T0,
        List.of(
            new TunnelInterface(
                "Tunnel10",
                true,
                true,
                "100.0.0.1",
                "200.0.0.1",
                "GRE/IP",
                new InterfaceCounters(n(10), n(1_000), n(20), n(2_000), n(0), n(0), n(3), NONE))),
        List.of(
            new IkeSa("200.0.0.1", "100.0.0.1", IkeVersion.IKEV1, "QM_IDLE", true, n(1001), NONE)),
        List.of(
            new IpsecFlow(
                "200.0.0.1",
                FLOW,
                "GigabitEthernet0/0",
                true,
                Optional.of(new SpiPair("0xA", "0xB")),
                n(3_500),
                new IpsecCounters(n(50), n(51), n(40), n(41), NONE, NONE, n(1), n(2)))),
        Optional.of(new CpuLoad(0.05, 0.05, 0.05)));
  }

  private static DeviceSnapshot snmp() {
    return new DeviceSnapshot(
        "R1",
        Source.SNMP,
        T0.plusSeconds(2),
        List.of(
            new TunnelInterface(
                "Tunnel10",
                true,
                false,
                "100.0.0.1",
                "200.0.0.1",
                "gre",
                new InterfaceCounters(n(11), n(1_100), n(21), n(2_100), n(0), n(0), n(4), n(5))),
            new TunnelInterface(
                "Tunnel11", true, true, "100.0.0.1", "9.9.9.9", "gre", InterfaceCounters.NONE)),
        List.of(
            new IkeSa(
                "200.0.0.1",
                "100.0.0.1",
                IkeVersion.UNKNOWN,
                "active",
                true,
                n(7),
                n(80_000),
                n(600)),
            new IkeSa(
                "9.9.9.9", "100.0.0.1", IkeVersion.UNKNOWN, "active", true, n(8), NONE, NONE)),
        List.of(
            new IpsecFlow(
                "200.0.0.1",
                FLOW,
                "",
                true,
                Optional.of(new SpiPair("0xC", "0xD")),
                n(3_400),
                new IpsecCounters(
                    n(60), n(61), n(62), n(63), n(9_000), n(8_000), NONE, n(4), n(5), n(6), n(7),
                    n(8)),
                n(200))),
        Optional.of(new CpuLoad(0.10, 0.20, 0.30)),
        Optional.of(Duration.ofHours(5)),
        new FailureCounters(n(3), n(4)),
        List.of(
            new SaFailure(
                FailurePhase.PHASE1,
                1,
                Optional.of("200.0.0.1"),
                "peerAuthFailed",
                Optional.empty())));
  }

  @Test
  void aSingleSourceIsTakenAsItIs() {
    assertThat(SnapshotMerger.merge(Optional.of(ssh()), Optional.empty())).isEqualTo(ssh());
    assertThat(SnapshotMerger.merge(Optional.empty(), Optional.of(snmp()))).isEqualTo(snmp());
  }

  @Test
  void nothingToMergeIsAnError() {
    assertThatThrownBy(() -> SnapshotMerger.merge(Optional.empty(), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void snapshotsOfTwoDevicesAreNotMerged() {
    DeviceSnapshot other =
        new DeviceSnapshot(
            "R2", Source.SNMP, T0, List.of(), List.of(), List.of(), Optional.empty());
    assertThatThrownBy(() -> SnapshotMerger.merge(Optional.of(ssh()), Optional.of(other)))
        .hasMessageContaining("R1")
        .hasMessageContaining("R2");
  }

  @Test
  void tunnelStateComesFromTheCliAndCountersFromSnmp() {
    DeviceSnapshot merged = SnapshotMerger.merge(Optional.of(ssh()), Optional.of(snmp()));

    assertThat(merged.tunnels())
        .extracting(TunnelInterface::name)
        .containsExactly("Tunnel10", "Tunnel11");
    TunnelInterface tunnel10 = merged.tunnels().get(0);
    assertThat(tunnel10.lineProtocolUp()).isTrue();
    assertThat(tunnel10.mode()).isEqualTo("GRE/IP");
    assertThat(tunnel10.counters().receiveBytes()).hasValue(1_100);
    assertThat(tunnel10.counters().transmitDrops()).hasValue(5);
  }

  @Test
  void ikeStateAndIdentityComeFromTheCliAndAgeFromSnmp() {
    DeviceSnapshot merged = SnapshotMerger.merge(Optional.of(ssh()), Optional.of(snmp()));

    assertThat(merged.ikeSas()).extracting(IkeSa::peer).containsExactly("200.0.0.1", "9.9.9.9");
    IkeSa ike = merged.ikeSas().get(0);
    assertThat(ike.state()).isEqualTo("QM_IDLE");
    assertThat(ike.version()).isEqualTo(IkeVersion.IKEV1);
    assertThat(ike.connId()).hasValue(1001);
    assertThat(ike.lifetimeRemainingSeconds()).hasValue(80_000);
    assertThat(ike.activeSeconds()).hasValue(600);
  }

  @Test
  void flowPacketsComeFromTheCliAndBytesAndErrorKindsFromSnmp() {
    DeviceSnapshot merged = SnapshotMerger.merge(Optional.of(ssh()), Optional.of(snmp()));

    IpsecFlow flow = merged.ipsecFlows().get(0);
    assertThat(flow.spis()).contains(new SpiPair("0xA", "0xB"));
    assertThat(flow.lifetimeRemainingSeconds()).hasValue(3_500);
    assertThat(flow.activeSeconds()).hasValue(200);
    IpsecCounters c = flow.counters();
    assertThat(c.encrypted()).hasValue(51);
    assertThat(c.decrypted()).hasValue(41);
    assertThat(c.receiveBytes()).hasValue(9_000);
    assertThat(c.transmitBytes()).hasValue(8_000);
    assertThat(c.sendErrors()).hasValue(1);
    assertThat(c.receiveErrors()).hasValue(2);
    assertThat(c.replayErrors()).hasValue(5);
    assertThat(c.encryptErrors()).hasValue(8);
  }

  @Test
  void deviceWideFieldsComeFromSnmp() {
    DeviceSnapshot merged = SnapshotMerger.merge(Optional.of(ssh()), Optional.of(snmp()));

    assertThat(merged.collectedAt()).isEqualTo(T0.plusSeconds(2));
    assertThat(merged.cpu()).contains(new CpuLoad(0.10, 0.20, 0.30));
    assertThat(merged.uptime()).contains(Duration.ofHours(5));
    assertThat(merged.failureCounters().phase1()).hasValue(3);
    assertThat(merged.failures()).hasSize(1);
  }

  @Test
  void ipv6PeersAndFlowsPairWhateverSpellingEachSourceUses() {
    assertThat(SnapshotMerger.addressKey("2001:DB8:0:0::1"))
        .isEqualTo(SnapshotMerger.addressKey("2001:db8::1"));
    assertThat(SnapshotMerger.flowKey("2001:DB8::1/128:47->2001:DB8:0:0:0:0:0:2/128:47"))
        .isEqualTo(SnapshotMerger.flowKey("2001:db8::1/128:47->2001:db8::2/128:47"));
    assertThat(SnapshotMerger.addressKey("2001:db8::1"))
        .isNotEqualTo(SnapshotMerger.addressKey("2001:db8::2"));
    // Not literals: left alone, and never looked up.
    assertThat(SnapshotMerger.addressKey("200.0.0.1")).isEqualTo("200.0.0.1");
    assertThat(SnapshotMerger.addressKey("router.example.net")).isEqualTo("router.example.net");
  }

  @Test
  void anIpv6PeerSeenByBothSourcesIsOneSa() {
    DeviceSnapshot cli =
        new DeviceSnapshot(
            "R1",
            Source.SSH,
            T0,
            List.of(),
            List.of(
                new IkeSa(
                    "2001:DB8::2", "2001:DB8::1", IkeVersion.IKEV1, "QM_IDLE", true, n(5), NONE)),
            List.of(),
            Optional.empty());
    DeviceSnapshot mib =
        new DeviceSnapshot(
            "R1",
            Source.SNMP,
            T0,
            List.of(),
            List.of(
                new IkeSa(
                    "2001:db8::2",
                    "2001:db8::1",
                    IkeVersion.UNKNOWN,
                    "active",
                    true,
                    n(9),
                    n(80_000),
                    n(60))),
            List.of(),
            Optional.empty());

    DeviceSnapshot merged = SnapshotMerger.merge(Optional.of(cli), Optional.of(mib));

    assertThat(merged.ikeSas()).extracting(IkeSa::peer).containsExactly("2001:DB8::2");
  }
}
