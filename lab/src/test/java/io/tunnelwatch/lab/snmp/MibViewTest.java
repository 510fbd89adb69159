package io.tunnelwatch.lab.snmp;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunnelwatch.lab.ManualClock;
import io.tunnelwatch.lab.sim.CryptoSnapshot;
import io.tunnelwatch.lab.sim.ReferenceTopology;
import io.tunnelwatch.lab.sim.RouterSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.snmp4j.smi.Counter64;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.UnsignedInteger32;
import org.snmp4j.smi.Variable;

/** {@link MibView} as a pure function of a router snapshot, and the traps between two views. */
class MibViewTest {
  private static final String FLOW = "1.3.6.1.4.1.9.9.171.1";

  private ManualClock clock;
  private ReferenceTopology lab;

  @BeforeEach
  void setUp() {
    clock = new ManualClock(Instant.parse("2026-03-02T10:00:00Z"));
    lab = ReferenceTopology.create(clock);
  }

  private static Variable at(MibView view, String oid) {
    return view.get(new OID(oid)).orElseThrow(() -> new AssertionError("no " + oid));
  }

  @Test
  void systemGroupAndCpuFollowTheSnapshot() {
    clock.advance(Duration.ofMinutes(10));
    RouterSnapshot r1 = lab.r1().snapshot();
    MibView view = MibView.of(r1);
    long ticks = Duration.ofDays(1).plusHours(2).plusMinutes(13).toMillis() / 10;
    assertThat(at(view, "1.3.6.1.2.1.1.3.0")).isEqualTo(new TimeTicks(ticks));
    assertThat(at(view, "1.3.6.1.2.1.1.5.0")).hasToString("R1");
    assertThat(at(view, "1.3.6.1.2.1.1.6.0")).hasToString("Branch-01");
    assertThat(at(view, "1.3.6.1.4.1.9.9.109.1.1.1.1.6.1").toInt())
        .isEqualTo(r1.cpu().fiveSecond());
    assertThat(at(view, "1.3.6.1.4.1.9.9.109.1.1.1.1.7.1").toInt()).isEqualTo(r1.cpu().oneMinute());
    assertThat(at(view, "1.3.6.1.4.1.9.9.109.1.1.1.1.8.1").toInt())
        .isEqualTo(r1.cpu().fiveMinute());
  }

  @Test
  void interfacesAreListedInShowInterfacesOrderWithTunnelType() {
    clock.advance(Duration.ofMinutes(10));
    RouterSnapshot r1 = lab.r1().snapshot();
    MibView view = MibView.of(r1);
    assertThat(at(view, "1.3.6.1.2.1.2.2.1.2.1")).hasToString("GigabitEthernet0/0");
    assertThat(at(view, "1.3.6.1.2.1.2.2.1.3.1").toInt()).isEqualTo(6);
    assertThat(at(view, "1.3.6.1.2.1.2.2.1.2.3")).hasToString("Tunnel10");
    assertThat(at(view, "1.3.6.1.2.1.2.2.1.3.3").toInt()).isEqualTo(131);
    assertThat(at(view, "1.3.6.1.2.1.2.2.1.8.3").toInt()).isEqualTo(1);
    assertThat(at(view, "1.3.6.1.2.1.31.1.1.1.1.3")).hasToString("Tu10");
    var tunnel = r1.interfaceNamed("Tunnel10").orElseThrow();
    assertThat(at(view, "1.3.6.1.2.1.31.1.1.1.10.3")).isEqualTo(new Counter64(tunnel.bytesOut()));
    assertThat(tunnel.bytesOut()).isEqualTo(3000 * 100);
    assertThat(at(view, "1.3.6.1.2.1.10.131.1.1.1.1.1.3")).hasToString("100.0.0.1");
    assertThat(at(view, "1.3.6.1.2.1.10.131.1.1.1.1.2.3")).hasToString("200.0.0.1");
    assertThat(at(view, "1.3.6.1.2.1.10.131.1.1.1.1.3.3").toInt()).isEqualTo(2);
  }

  @Test
  void ipsecTablesCarryTheSessionOfTheCli() {
    clock.advance(Duration.ofMinutes(10));
    RouterSnapshot r1 = lab.r1().snapshot();
    CryptoSnapshot c = r1.crypto();
    MibView view = MibView.of(r1);
    // IKE row 1: addresses as 4-byte IPSIpAddress, lifetime, active time in hundredths.
    assertThat(at(view, FLOW + ".2.3.1.4.1")).isEqualTo(new OctetString(new byte[] {100, 0, 0, 1}));
    assertThat(at(view, FLOW + ".2.3.1.8.1"))
        .isEqualTo(new OctetString(new byte[] {(byte) 200, 0, 0, 1}));
    assertThat(at(view, FLOW + ".2.3.1.15.1").toInt()).isEqualTo(86_400);
    assertThat(at(view, FLOW + ".2.3.1.16.1").toInt()).isEqualTo(600 * 100);
    // IPsec row 1 belongs to IKE row 1; the flow counters equal #pkts encrypt / decrypt.
    assertThat(at(view, FLOW + ".3.2.1.2.1").toInt()).isEqualTo(1);
    assertThat(at(view, FLOW + ".3.2.1.45.1").toLong()).isEqualTo(c.encapsulated()).isEqualTo(3000);
    assertThat(at(view, FLOW + ".3.2.1.32.1").toLong()).isEqualTo(c.decapsulated()).isEqualTo(1800);
    assertThat(at(view, FLOW + ".3.2.1.40.1")).isEqualTo(new Counter64(300_000));
    assertThat(at(view, FLOW + ".3.2.1.27.1")).isEqualTo(new Counter64(180_000));
    assertThat(at(view, FLOW + ".3.2.1.10.1").toInt()).isEqualTo(600 * 100);
    // SPIs: row 1 inbound, row 2 outbound.
    assertThat(at(view, FLOW + ".3.4.1.2.1.1").toInt()).isEqualTo(1);
    assertThat(at(view, FLOW + ".3.4.1.3.1.1")).isEqualTo(new UnsignedInteger32(c.inbound().spi()));
    assertThat(at(view, FLOW + ".3.4.1.3.1.2"))
        .isEqualTo(new UnsignedInteger32(c.outbound().spi()));
    // Endpoints: the GRE flow between the public addresses.
    assertThat(at(view, FLOW + ".3.3.1.6.1.1").toInt()).isEqualTo(47);
    assertThat(at(view, FLOW + ".3.3.1.10.1.1"))
        .isEqualTo(new OctetString(new byte[] {(byte) 200, 0, 0, 1}));
    // Global counters: one active IKE and IPsec tunnel, traffic since boot.
    assertThat(at(view, FLOW + ".2.1.1.0").toInt()).isEqualTo(1);
    assertThat(at(view, FLOW + ".3.1.1.0").toInt()).isEqualTo(1);
    assertThat(at(view, FLOW + ".3.1.22.0").toLong()).isEqualTo(3000);
  }

  @Test
  void bothRoutersSeeTheSameSpisMirrored() {
    clock.advance(Duration.ofMinutes(3));
    MibView r1 = MibView.of(lab.r1().snapshot());
    MibView r2 = MibView.of(lab.r2().snapshot());
    assertThat(at(r1, FLOW + ".3.4.1.3.1.2")).isEqualTo(at(r2, FLOW + ".3.4.1.3.1.1"));
    assertThat(at(r1, FLOW + ".3.4.1.3.1.1")).isEqualTo(at(r2, FLOW + ".3.4.1.3.1.2"));
    assertThat(at(r1, FLOW + ".3.2.1.45.1")).isEqualTo(at(r2, FLOW + ".3.2.1.32.1"));
  }

  @Test
  void renegotiationMovesTheRowToANewIndex() {
    MibView before = MibView.of(lab.r1().snapshot());
    lab.link().rekeyIpsec();
    MibView after = MibView.of(lab.r1().snapshot());
    assertThat(before.get(new OID(FLOW + ".3.2.1.51.1"))).isPresent();
    assertThat(after.get(new OID(FLOW + ".3.2.1.51.1"))).isEmpty();
    assertThat(at(after, FLOW + ".3.2.1.51.2").toInt()).isEqualTo(1);
    assertThat(at(after, FLOW + ".3.2.1.2.2").toInt()).isEqualTo(1);

    List<Notification> traps = TrapDetector.between(before, after);
    assertThat(traps)
        .extracting(Notification::trap)
        .containsExactly(
            new OID("1.3.6.1.4.1.9.9.171.2.0.8"), new OID("1.3.6.1.4.1.9.9.171.2.0.7"));
  }

  @Test
  void tunnelDownAndUpGiveLinkAndTunnelTraps() {
    MibView up = MibView.of(lab.r1().snapshot());
    lab.link().setUp(false);
    MibView down = MibView.of(lab.r1().snapshot());
    assertThat(down.subtree(new OID(FLOW + ".3.2"))).isEmpty();
    assertThat(at(down, "1.3.6.1.2.1.2.2.1.8.3").toInt()).isEqualTo(2);

    List<Notification> stop = TrapDetector.between(up, down);
    assertThat(stop)
        .extracting(Notification::trap)
        .containsExactly(
            new OID("1.3.6.1.6.3.1.1.5.3"),
            new OID("1.3.6.1.4.1.9.9.171.2.0.8"),
            new OID("1.3.6.1.4.1.9.9.171.2.0.2"));
    // linkDown names the tunnel's ifIndex; cikeTunnelStop the peer by its cikePeerTable index.
    assertThat(stop.get(0).objects().get(0).getOid()).isEqualTo(new OID("1.3.6.1.2.1.2.2.1.1.3"));
    OID peerLocal =
        new OID(FLOW + ".2.2.1.6")
            .append(new OID("1.9.49.48.48.46.48.46.48.46.49.1.9.50.48.48.46.48.46.48.46.49.1"));
    assertThat(stop.get(2).objects().get(0).getOid()).isEqualTo(peerLocal);

    lab.link().setUp(true);
    List<Notification> start = TrapDetector.between(down, MibView.of(lab.r1().snapshot()));
    assertThat(start)
        .extracting(Notification::trap)
        .containsExactly(
            new OID("1.3.6.1.6.3.1.1.5.4"),
            new OID("1.3.6.1.4.1.9.9.171.2.0.1"),
            new OID("1.3.6.1.4.1.9.9.171.2.0.7"));
  }

  @Test
  void failureRecordsFillTheFailureTablesAndRaiseTraps() {
    RouterSnapshot r1 = lab.r1().snapshot();
    FailureState failed =
        new FailureState(
            3,
            0,
            2,
            0,
            4,
            1,
            List.of(
                new FailureState.Phase1Failure(
                    1, 5, Duration.ofHours(26), "100.0.0.1", "200.0.0.1")),
            List.of(
                new FailureState.Phase2Failure(
                    1, 4, Duration.ofHours(26), 1, 0, "100.0.0.1", "200.0.0.1")));
    MibView clean = MibView.of(r1);
    MibView view = MibView.of(r1, failed);
    assertThat(at(view, FLOW + ".2.1.20.0").toLong()).isEqualTo(3);
    assertThat(at(view, FLOW + ".2.1.23.0").toLong()).isEqualTo(2);
    assertThat(at(view, FLOW + ".3.1.28.0").toLong()).isEqualTo(4);
    assertThat(at(view, FLOW + ".3.1.29.0").toLong()).isEqualTo(1);
    assertThat(at(view, FLOW + ".5.2.1.1.2.1").toInt()).isEqualTo(5);
    assertThat(at(view, FLOW + ".5.2.1.1.3.1")).isEqualTo(new TimeTicks(26 * 3600 * 100L));
    assertThat(at(view, FLOW + ".5.3.1.1.2.1").toInt()).isEqualTo(4);
    assertThat(clean.subtree(new OID(FLOW + ".5"))).isEmpty();

    assertThat(TrapDetector.between(clean, view))
        .extracting(Notification::trap)
        .containsExactly(
            new OID("1.3.6.1.4.1.9.9.171.2.0.5"), new OID("1.3.6.1.4.1.9.9.171.2.0.10"));
  }

  @Test
  void trapKeyChangesExactlyWhenTrapsAreDue() {
    RouterState first = new RouterState(lab.r1().snapshot(), FailureState.EMPTY);
    clock.advance(Duration.ofMinutes(30));
    RouterState later = new RouterState(lab.r1().snapshot(), FailureState.EMPTY);
    assertThat(later.trapKey()).isEqualTo(first.trapKey());
    assertThat(TrapDetector.between(first.view(), later.view())).isEmpty();

    clock.advance(Duration.ofMinutes(31)); // past the 1 h IPsec lifetime: a rekey
    RouterState rekeyed = new RouterState(lab.r1().snapshot(), FailureState.EMPTY);
    assertThat(rekeyed.trapKey()).isNotEqualTo(later.trapKey());
    assertThat(TrapDetector.between(later.view(), rekeyed.view())).hasSize(2);
  }

  @Test
  void globalIpsecCountersNeverGoBackwards() {
    clock.advance(Duration.ofMinutes(10));
    MibView before = MibView.of(lab.r1().snapshot());
    lab.link().setUp(false);
    clock.advance(Duration.ofMinutes(1));
    lab.link().setUp(true);
    clock.advance(Duration.ofSeconds(10));
    MibView after = MibView.of(lab.r1().snapshot());
    // The flow restarted (#pkts encrypt 50), the global counter went on (3000 + 50).
    assertThat(after.subtree(new OID(FLOW + ".3.2.1.45")).values())
        .extracting(Variable::toLong)
        .containsExactly(50L);
    assertThat(at(after, FLOW + ".3.1.22.0").toLong()).isEqualTo(3050);
    assertThat(at(after, FLOW + ".3.1.22.0").toLong())
        .isGreaterThan(at(before, FLOW + ".3.1.22.0").toLong());
  }

  @Test
  void aRouterWithSeveralTunnelsHasARowPerTunnelWithDistinctIndexes() {
    List<io.tunnelwatch.lab.sim.SimulatedRouter> routers =
        io.tunnelwatch.lab.sim.ScaleTopology.create(clock, 4, 2);
    MibView view = MibView.of(routers.get(0).snapshot());
    assertThat(view.subtree(new OID("1.3.6.1.2.1.10.131.1.1.1.1.3"))).hasSize(2);
    assertThat(view.subtree(new OID(FLOW + ".2.3.1.35")).keySet())
        .containsExactly(new OID(FLOW + ".2.3.1.35.1"), new OID(FLOW + ".2.3.1.35.2"));
    assertThat(view.subtree(new OID(FLOW + ".3.2.1.51")).keySet())
        .containsExactly(new OID(FLOW + ".3.2.1.51.1"), new OID(FLOW + ".3.2.1.51.2"));
    assertThat(view.subtree(new OID(FLOW + ".3.4.1.3"))).hasSize(4);
    assertThat(at(view, FLOW + ".2.1.1.0").toInt()).isEqualTo(2);
  }

  @Test
  void viewIsSortedAndImmutable() {
    MibView view = MibView.of(lab.r1().snapshot());
    OID previous = null;
    for (Map.Entry<OID, Variable> e : view.values().entrySet()) {
      if (previous != null) {
        assertThat(e.getKey().compareTo(previous)).isPositive();
      }
      previous = e.getKey();
    }
    assertThat(view.values()).hasSizeGreaterThan(200);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> view.values().put(new OID("1.2.3"), new OctetString("x")))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
