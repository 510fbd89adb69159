package io.tunnelwatch.agent.report;

import static io.tunnelwatch.agent.report.Histories.D0;
import static io.tunnelwatch.agent.report.Histories.D1;
import static io.tunnelwatch.agent.report.Histories.D2;
import static io.tunnelwatch.agent.report.Histories.at;
import static io.tunnelwatch.agent.report.Histories.covered;
import static io.tunnelwatch.agent.report.Histories.down;
import static io.tunnelwatch.agent.report.Histories.up;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunnelwatch.agent.events.ObjectRef;
import io.tunnelwatch.agent.events.ObjectState;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReportEngineTest {

  private static final long HOUR = 3_600_000;
  private static final long MINUTE = 60_000;
  private static final RekeyPolicy EIGHT_HOUR_IPSEC =
      new RekeyPolicy(Duration.ofDays(1), Duration.ofHours(8));

  private final ReportEngine engine = new ReportEngine();

  private StabilityReport day1(InMemoryEventHistory history, Selection selection) {
    ReportRequest request =
        new ReportRequest(new ReportPeriod(D1, D2), selection, EIGHT_HOUR_IPSEC, List.of());
    return engine.compute(request, HistoryData.read(history, request.period()), D2);
  }

  private static SubjectReport row(List<SubjectReport> rows, String key) {
    return rows.stream().filter(r -> r.subject().key().equals(key)).findFirst().orElseThrow();
  }

  @Test
  void outagesAcrossBothPeriodEdgesAndAnUnknownGapAreCountedExactly() {
    StabilityReport report = day1(Histories.twoRouters(), Selection.ALL);
    SubjectReport t = row(report.tunnels(), "R1/tunnel/Tunnel10");

    // 00-01 down (since 23:00 the day before), 01-10 up, 10-10:30 down, 10:30-20 up,
    // 20-22 not polled, 22-23:30 up, 23:30-24 down (still down at the end)
    assertThat(t.timeline())
        .extracting(Segment::state)
        .containsExactly(
            ObjectState.DOWN,
            ObjectState.UP,
            ObjectState.DOWN,
            ObjectState.UP,
            ObjectState.UNKNOWN,
            ObjectState.UP,
            ObjectState.DOWN);
    Figures f = t.figures();
    assertThat(f.upMillis()).isEqualTo(20 * HOUR);
    assertThat(f.downMillis()).isEqualTo(2 * HOUR);
    assertThat(f.unknownMillis()).isEqualTo(2 * HOUR);
    assertThat(f.availabilityPercent()).contains(new BigDecimal("90.909"));
    assertThat(f.coveragePercent()).isEqualByComparingTo("91.667");
    assertThat(f.outages()).isEqualTo(3);
    assertThat(f.failures()).isEqualTo(2);
    assertThat(f.longestOutageMillis()).isEqualTo(HOUR);
    assertThat(f.mtbfMillis()).hasValue(10 * HOUR);
    assertThat(f.mttrMillis()).hasValue(40 * MINUTE);
    assertThat(t.outages())
        .containsExactly(
            new Outage(D1, at(1, 1, 0), true, false),
            new Outage(at(1, 10, 0), at(1, 10, 30), false, false),
            new Outage(at(1, 23, 30), D2, false, true));
    assertThat(t.related()).containsExactly("200.0.0.1");
  }

  @Test
  void thePreviousPeriodOfTheSameLengthIsComputedForComparison() {
    SubjectReport t =
        row(day1(Histories.twoRouters(), Selection.ALL).tunnels(), "R1/tunnel/Tunnel10");

    assertThat(t.previous().upMillis()).isEqualTo(23 * HOUR);
    assertThat(t.previous().downMillis()).isEqualTo(HOUR);
    assertThat(t.previous().availabilityPercent()).contains(new BigDecimal("95.833"));
    assertThat(t.previous().outages()).isEqualTo(1);
    assertThat(t.previous().failures()).isEqualTo(1);
  }

  @Test
  void rekeysBeyondWhatTheLifetimesExplainAreExtra() {
    SubjectReport t =
        row(day1(Histories.twoRouters(), Selection.ALL).tunnels(), "R1/tunnel/Tunnel10");

    // flow up over 00-20 and 22-24 while polled: ceil(20h/8h) + ceil(2h/8h) = 3 + 1
    assertThat(t.rekeys()).isEqualTo(new RekeyCounts(1, 2, 11, 4));
    assertThat(t.rekeys().extraIpsec()).isEqualTo(7);
    assertThat(t.rekeys().extraIke()).isZero();
  }

  @Test
  void failuresEpisodesTrafficAndCpuAreCountedInsideThePeriodOnly() {
    SubjectReport t =
        row(day1(Histories.twoRouters(), Selection.ALL).tunnels(), "R1/tunnel/Tunnel10");

    assertThat(t.problems()).isEqualTo(new Problems(1, 0, 0, 1, 45 * MINUTE, 1, HOUR, 1));
    assertThat(t.traffic().transmitBytes()).isEqualTo(1010);
    assertThat(t.traffic().receiveBytes()).isEqualTo(2020);
    assertThat(t.traffic().days()).hasSize(1);
    assertThat(t.cpuPeak())
        .hasValueSatisfying(
            p -> {
              assertThat(p.maxRatio()).isEqualTo(0.87);
              assertThat(p.hour()).isEqualTo(at(1, 15, 0));
            });
  }

  @Test
  void anUnreachableDeviceIsUnknownNotUpAndPeersWithoutFlowsFollowTheirIkeSa() {
    StabilityReport report = day1(Histories.twoRouters(), Selection.ALL);
    SubjectReport t = row(report.tunnels(), "R2/tunnel/Tunnel12");

    assertThat(t.figures().upMillis()).isEqualTo(23 * HOUR);
    assertThat(t.figures().unknownMillis()).isEqualTo(HOUR);
    assertThat(t.figures().availabilityPercent()).contains(new BigDecimal("100.000"));
    assertThat(t.figures().outages()).isZero();
    assertThat(t.figures().mtbfMillis()).isEmpty();
    assertThat(t.figures().mttrMillis()).isEmpty();
    SubjectReport p = row(report.peers(), "R2/peer/100.0.0.1");
    assertThat(p.figures().upMillis()).isEqualTo(23 * HOUR);
  }

  @Test
  void theFleetSumsTheTunnelsAndRanksTheWorstFirst() {
    StabilityReport report = day1(Histories.twoRouters(), Selection.ALL);
    FleetSummary fleet = report.fleet();

    assertThat(fleet.devices()).isEqualTo(2);
    assertThat(fleet.tunnels()).isEqualTo(2);
    assertThat(fleet.peers()).isEqualTo(2);
    assertThat(fleet.basis()).isEqualTo("tunnels");
    // (20 h + 23 h) up of (22 h + 23 h) known
    assertThat(fleet.figures().availabilityPercent()).contains(new BigDecimal("95.556"));
    assertThat(fleet.figures().outages()).isEqualTo(3);
    // previous day: 23 h + 24 h up of 48 h
    assertThat(fleet.previous().availabilityPercent()).contains(new BigDecimal("97.917"));
    assertThat(fleet.deviceReboots()).isEqualTo(1);
    assertThat(fleet.unreachableEpisodes()).isEqualTo(1);
    assertThat(fleet.problems().flaps()).isEqualTo(1);
    assertThat(fleet.problems().phase1Failures()).isEqualTo(1);
    assertThat(fleet.rekeys().ipsec()).isEqualTo(11);
    // R1's tunnel counted its own buckets; R2 recorded no traffic
    assertThat(fleet.transmitBytes()).isEqualTo(1010);
    assertThat(fleet.receiveBytes()).isEqualTo(2020);
    assertThat(fleet.worstCpu()).hasValueSatisfying(p -> assertThat(p.device()).isEqualTo("R1"));
    assertThat(report.ranking())
        .extracting(r -> r.subject().key())
        .containsExactly("R1/tunnel/Tunnel10", "R2/tunnel/Tunnel12");
  }

  @Test
  void theHistoryIsReadOnceForBothPeriods() {
    InMemoryEventHistory history = Histories.twoRouters();

    day1(history, Selection.ALL);

    assertThat(history.reads()).isEqualTo(5);
  }

  @Test
  void aSelectionKeepsOnlyTheChosenDevicesAndTunnels() {
    StabilityReport byDevice = day1(Histories.twoRouters(), new Selection(Set.of("R2"), Set.of()));
    StabilityReport byTunnel =
        day1(Histories.twoRouters(), new Selection(Set.of(), Set.of("R1:Tunnel10")));

    assertThat(byDevice.tunnels())
        .extracting(r -> r.subject().key())
        .containsExactly("R2/tunnel/Tunnel12");
    assertThat(byDevice.peers())
        .extracting(r -> r.subject().key())
        .containsExactly("R2/peer/100.0.0.1");
    assertThat(byTunnel.tunnels())
        .extracting(r -> r.subject().key())
        .containsExactly("R1/tunnel/Tunnel10");
    assertThat(byTunnel.peers())
        .extracting(r -> r.subject().key())
        .containsExactly("R1/peer/200.0.0.1");
  }

  @Test
  void aDeviceNeverPolledIsUnknownThroughoutAndLeftOutOfTheRanking() {
    InMemoryEventHistory history = new InMemoryEventHistory();
    history.add(up(D0, ObjectRef.tunnel("R9", "Tunnel1")));

    StabilityReport report = day1(history, Selection.ALL);

    SubjectReport t = report.tunnels().get(0);
    assertThat(t.figures().unknownMillis()).isEqualTo(24 * HOUR);
    assertThat(t.figures().availabilityPercent()).isEmpty();
    assertThat(report.ranking()).isEmpty();
  }

  @Test
  void flapsAreSeparateOutagesAndMeanTimesDivideExactly() {
    InMemoryEventHistory history = new InMemoryEventHistory();
    ObjectRef tunnel = ObjectRef.tunnel("R1", "Tunnel10");
    history.add(covered("R1", D0, D2)).add(up(D0, tunnel));
    // six 10-minute outages between 08:00 and 10:00, then up
    for (int i = 0; i < 6; i++) {
      history.add(down(at(1, 8, i * 20), tunnel)).add(up(at(1, 8, i * 20 + 10), tunnel));
    }

    Figures f = row(day1(history, Selection.ALL).tunnels(), "R1/tunnel/Tunnel10").figures();

    assertThat(f.outages()).isEqualTo(6);
    assertThat(f.failures()).isEqualTo(6);
    assertThat(f.downMillis()).isEqualTo(60 * MINUTE);
    assertThat(f.mttrMillis()).hasValue(10 * MINUTE);
    // 23 h up / 6 failures
    assertThat(f.mtbfMillis()).hasValue(23 * HOUR / 6);
    assertThat(f.availabilityPercent()).contains(new BigDecimal("95.833"));
  }

  @Test
  void anExplicitBindingPairsATunnelWithOneOfSeveralPeers() {
    InMemoryEventHistory history = new InMemoryEventHistory();
    ObjectRef tunnel = ObjectRef.tunnel("R1", "Tunnel10");
    history.add(covered("R1", D0, D2)).add(up(D0, tunnel));
    history.add(up(D0, ObjectRef.peer("R1", "200.0.0.1")));
    history.add(up(D0, ObjectRef.peer("R1", "200.0.0.9")));
    history.add(down(at(1, 12, 0), ObjectRef.peer("R1", "200.0.0.1")));
    ReportPeriod period = new ReportPeriod(D1, D2);

    ReportRequest unbound = ReportRequest.of(period);
    ReportRequest bound =
        new ReportRequest(
            period,
            Selection.ALL,
            RekeyPolicy.IOS_DEFAULTS,
            List.of(new TunnelBinding("R1", "Tunnel10", "200.0.0.1")));

    Figures alone =
        engine.compute(unbound, HistoryData.read(history, period), D2).tunnels().get(0).figures();
    Figures withPeer =
        engine.compute(bound, HistoryData.read(history, period), D2).tunnels().get(0).figures();
    assertThat(alone.downMillis()).isZero();
    assertThat(withPeer.downMillis()).isEqualTo(12 * HOUR);
  }

  @Test
  void aPeriodMustStartBeforeItEnds() {
    assertThatThrownBy(() -> new ReportPeriod(D1, D1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected a period whose start is before its end");
  }

  @Test
  void aPeerIsUpWhileAnyOfItsFlowsIsUpAndDownWhenAllAre() {
    InMemoryEventHistory history = new InMemoryEventHistory();
    ObjectRef a = ObjectRef.flow("R1", "200.0.0.1", "10.0.0.1/32:47->10.0.0.2/32:47");
    ObjectRef b = ObjectRef.flow("R1", "200.0.0.1", "192.168.1.0/24->172.1.1.0/24");
    history.add(covered("R1", D0, D2)).add(up(D0, ObjectRef.peer("R1", "200.0.0.1")));
    history.add(up(D0, a)).add(up(D0, b));
    // a down 06:00-12:00, b down 09:00-10:00: both down for one hour only
    history.add(down(at(1, 6, 0), a)).add(up(at(1, 12, 0), a));
    history.add(down(at(1, 9, 0), b)).add(up(at(1, 10, 0), b));

    SubjectReport peer = day1(history, Selection.ALL).peers().get(0);

    assertThat(peer.figures().downMillis()).isEqualTo(HOUR);
    assertThat(peer.outages()).containsExactly(new Outage(at(1, 9, 0), at(1, 10, 0), false, false));
    // each flow rekeys on its own: a up 00-06 and 12-24, b up 00-09 and 10-24, 8 h lifetime
    assertThat(peer.rekeys().expectedIpsec()).isEqualTo(1 + 2 + 2 + 2);
  }

  @Test
  void transitionsAtTheSameInstantLeaveTheLastRecordedState() {
    InMemoryEventHistory history = new InMemoryEventHistory();
    ObjectRef tunnel = ObjectRef.tunnel("R1", "Tunnel10");
    history.add(covered("R1", D0, D2)).add(up(D0, tunnel));
    history.add(down(at(1, 12, 0), tunnel)).add(up(at(1, 12, 0), tunnel));

    Figures f = row(day1(history, Selection.ALL).tunnels(), "R1/tunnel/Tunnel10").figures();

    assertThat(f.downMillis()).isZero();
    assertThat(f.outages()).isZero();
  }
}
