package io.tunnelwatch.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunnelwatch.lab.sim.CryptoSnapshot;
import io.tunnelwatch.lab.sim.InterfaceSnapshot;
import io.tunnelwatch.lab.sim.ReferenceTopology;
import io.tunnelwatch.lab.sim.RouterSnapshot;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulated state of R1 and R2 as the injected clock moves and hooks fire. */
class SimulationTest {
  private ManualClock clock;
  private ReferenceTopology lab;

  @BeforeEach
  void setUp() {
    clock = new ManualClock(Instant.parse("2026-03-02T10:00:00Z"));
    lab = ReferenceTopology.create(clock);
  }

  private CryptoSnapshot r1() {
    return lab.r1().snapshot().crypto();
  }

  private CryptoSnapshot r2() {
    return lab.r2().snapshot().crypto();
  }

  @Test
  void bothEndsAgree() {
    clock.advance(Duration.ofMinutes(7));
    CryptoSnapshot a = r1();
    CryptoSnapshot b = r2();
    assertThat(a.outbound().spi()).isEqualTo(b.inbound().spi());
    assertThat(a.inbound().spi()).isEqualTo(b.outbound().spi());
    assertThat(a.outbound().spi()).isNotEqualTo(a.inbound().spi());
    assertThat(a.encapsulated()).isEqualTo(b.decapsulated()).isPositive();
    assertThat(a.decapsulated()).isEqualTo(b.encapsulated()).isPositive();
    assertThat(a.outbound().remainingKilobytes()).isEqualTo(b.inbound().remainingKilobytes());
    assertThat(a.ike().connId()).isEqualTo(b.ike().connId());
    assertThat(a.ike().destination()).isEqualTo(b.ike().destination()).isEqualTo("200.0.0.1");
    assertThat(a.ike().source()).isEqualTo(b.ike().source()).isEqualTo("100.0.0.1");
    assertThat(a.localAddress()).isEqualTo(b.peerAddress());
  }

  @Test
  void countersGrowAndLifetimesCountDown() {
    CryptoSnapshot before = r1();
    assertThat(before.ike().remainingSeconds()).isEqualTo(86_400);
    assertThat(before.outbound().remainingSeconds()).isEqualTo(3_600);
    assertThat(before.outbound().remainingKilobytes()).isEqualTo(4_608_000);

    clock.advance(Duration.ofSeconds(60));
    CryptoSnapshot after = r1();
    assertThat(after.encapsulated()).isEqualTo(300);
    assertThat(after.decapsulated()).isEqualTo(180);
    assertThat(after.ike().remainingSeconds()).isEqualTo(86_340);
    assertThat(after.outbound().remainingSeconds()).isEqualTo(3_540);
    assertThat(after.outbound().remainingKilobytes()).isLessThan(4_608_000);
    assertThat(after.outbound().spi()).isEqualTo(before.outbound().spi());
  }

  @Test
  void tunnelInterfaceCountersMatchTheIpsecCounters() {
    clock.advance(Duration.ofMinutes(3));
    RouterSnapshot s = lab.r1().snapshot();
    InterfaceSnapshot tunnel = s.interfaceNamed("Tunnel10").orElseThrow();
    assertThat(tunnel.packetsOut()).isEqualTo(s.crypto().encapsulated());
    assertThat(tunnel.packetsIn()).isEqualTo(s.crypto().decapsulated());
    assertThat(tunnel.bytesOut()).isEqualTo(tunnel.packetsOut() * 100);
    InterfaceSnapshot wan = s.interfaceNamed("GigabitEthernet0/0").orElseThrow();
    assertThat(wan.packetsOut()).isGreaterThan(tunnel.packetsOut());
  }

  @Test
  void ipsecSasRekeyAtExpiryWithNewSpisAndConnIds() {
    CryptoSnapshot first = r1();
    clock.advance(Duration.ofSeconds(3_599));
    assertThat(r1().outbound().spi()).isEqualTo(first.outbound().spi());
    assertThat(r1().outbound().remainingSeconds()).isEqualTo(1);

    clock.advance(Duration.ofSeconds(1));
    CryptoSnapshot second = r1();
    assertThat(second.outbound().spi()).isNotEqualTo(first.outbound().spi());
    assertThat(second.inbound().spi()).isNotEqualTo(first.inbound().spi());
    assertThat(second.inbound().connId()).isEqualTo(2003);
    assertThat(second.outbound().connId()).isEqualTo(2004);
    assertThat(second.outbound().remainingSeconds()).isEqualTo(3_600);
    assertThat(second.outbound().remainingKilobytes()).isEqualTo(4_608_000);
    assertThat(r2().inbound().spi()).isEqualTo(second.outbound().spi());
    // Flow counters belong to the flow, not the SA: they survive the rekey.
    assertThat(second.encapsulated()).isEqualTo(18_000);
    assertThat(second.ike().connId()).isEqualTo(first.ike().connId());
  }

  @Test
  void ikeSaRekeysAtExpiryWithANewConnId() {
    clock.advance(Duration.ofSeconds(86_399));
    assertThat(r1().ike().connId()).isEqualTo(1001);
    assertThat(r1().ike().remainingSeconds()).isEqualTo(1);
    clock.advance(Duration.ofSeconds(1));
    assertThat(r1().ike().connId()).isEqualTo(1002);
    assertThat(r1().ike().remainingSeconds()).isEqualTo(86_400);
    assertThat(r2().ike().connId()).isEqualTo(1002);
    // 24 IPsec lifetimes went by as well.
    assertThat(r1().outbound().connId()).isEqualTo(2002 + 2 * 24);
  }

  @Test
  void aLongJumpReplaysEveryRekey() {
    clock.advance(Duration.ofDays(3).plusMinutes(30));
    CryptoSnapshot s = r1();
    assertThat(s.ike().connId()).isEqualTo(1004);
    assertThat(s.outbound().connId()).isEqualTo(2002 + 2 * 72);
    assertThat(s.outbound().remainingSeconds()).isEqualTo(1_800);
  }

  @Test
  void forcedRekeysTakeEffectAtOnce() {
    CryptoSnapshot before = r1();
    clock.advance(Duration.ofSeconds(10));
    lab.link().rekeyIpsec();
    CryptoSnapshot after = r1();
    assertThat(after.outbound().spi()).isNotEqualTo(before.outbound().spi());
    assertThat(after.outbound().remainingSeconds()).isEqualTo(3_600);
    lab.link().rekeyIke();
    assertThat(r2().ike().connId()).isEqualTo(1002);
  }

  @Test
  void tunnelDownDeletesSasAndFreezesCountersThenComesBackFresh() {
    clock.advance(Duration.ofSeconds(10));
    lab.link().setUp(false);
    clock.advance(Duration.ofSeconds(30));
    RouterSnapshot down = lab.r1().snapshot();
    assertThat(down.crypto().status()).isEqualTo(CryptoSnapshot.SessionStatus.DOWN);
    assertThat(down.crypto().ike()).isNull();
    assertThat(down.crypto().outbound()).isNull();
    InterfaceSnapshot tunnel = down.interfaceNamed("Tunnel10").orElseThrow();
    assertThat(tunnel.lineUp()).isFalse();
    assertThat(tunnel.packetsOut()).isEqualTo(50);
    assertThat(tunnel.sinceLastOutput()).isEqualTo(Duration.ofSeconds(30));

    lab.link().setUp(true);
    clock.advance(Duration.ofSeconds(2));
    RouterSnapshot up = lab.r1().snapshot();
    assertThat(up.crypto().status()).isEqualTo(CryptoSnapshot.SessionStatus.UP_ACTIVE);
    assertThat(up.crypto().ike().connId()).isEqualTo(1002);
    assertThat(up.crypto().encapsulated()).isEqualTo(10);
    assertThat(up.interfaceNamed("Tunnel10").orElseThrow().packetsOut()).isEqualTo(60);
  }

  @Test
  void aClockGoingBackwardsDoesNotUndoState() {
    clock.advance(Duration.ofHours(2));
    long spi = r1().outbound().spi();
    long encaps = r1().encapsulated();
    clock.advance(Duration.ofHours(-1));
    assertThat(r1().outbound().spi()).isEqualTo(spi);
    assertThat(r1().encapsulated()).isEqualTo(encaps);
  }

  @Test
  void sameClockSameOutputs() {
    ManualClock other = new ManualClock(Instant.parse("2026-03-02T10:00:00Z"));
    ReferenceTopology twin = ReferenceTopology.create(other);
    clock.advance(Duration.ofMinutes(90));
    other.advance(Duration.ofMinutes(90));
    assertThat(twin.r1().snapshot()).isEqualTo(lab.r1().snapshot());
  }
}
