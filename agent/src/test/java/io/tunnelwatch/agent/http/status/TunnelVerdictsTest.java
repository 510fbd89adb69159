package io.tunnelwatch.agent.http.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunnelwatch.agent.diagnose.Rung;
import io.tunnelwatch.agent.events.Event;
import io.tunnelwatch.agent.events.EventKind;
import io.tunnelwatch.agent.events.EventStatus;
import io.tunnelwatch.agent.events.ObjectRef;
import io.tunnelwatch.agent.events.Severity;
import io.tunnelwatch.agent.http.status.TunnelVerdict.Finding;
import io.tunnelwatch.core.metrics.DeviceView;
import io.tunnelwatch.core.metrics.SourceHealth;
import io.tunnelwatch.core.model.DeviceSnapshot;
import io.tunnelwatch.core.model.IkeSa;
import io.tunnelwatch.core.model.IkeVersion;
import io.tunnelwatch.core.model.InterfaceCounters;
import io.tunnelwatch.core.model.IpsecCounters;
import io.tunnelwatch.core.model.IpsecFlow;
import io.tunnelwatch.core.model.Source;
import io.tunnelwatch.core.model.TunnelInterface;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TunnelVerdictsTest {

  private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
  private static final String PEER = "200.0.0.1";
  private static final String FLOW = "100.0.0.1/32:47->200.0.0.1/32:47";

  /** R1 as the reference lab has it, every part of which a test may break. */
  private static final class R1 {
    boolean adminUp = true;
    boolean lineUp = true;
    String destination = PEER;
    Optional<String> ikeState = Optional.of("QM_IDLE");
    Optional<Boolean> flowUp = Optional.of(true);
    final List<Event> open = new ArrayList<>();
    Set<String> ipsecPeers = Set.of(PEER);
    Instant collectedAt = NOW.minusSeconds(5);
    boolean latestPollOk = true;
    Optional<Duration> staleAfter = Optional.of(Duration.ofSeconds(90));

    R1 open(EventKind kind, ObjectRef subject, String summary) {
      open.add(
          new Event(
              NOW.minusSeconds(60),
              subject,
              kind,
              EventStatus.OPENED,
              kind.defaultSeverity(),
              summary,
              List.of()));
      return this;
    }

    DeviceSnapshot snapshot() {
      TunnelInterface tunnel =
          new TunnelInterface(
              "Tunnel10",
              adminUp,
              lineUp,
              "100.0.0.1",
              destination,
              "GRE/IP",
              InterfaceCounters.NONE);
      List<IkeSa> sas =
          ikeState
              .map(
                  state ->
                      List.of(
                          new IkeSa(
                              PEER,
                              "100.0.0.1",
                              IkeVersion.IKEV1,
                              state,
                              state.equals("QM_IDLE"),
                              OptionalLong.of(1001),
                              OptionalLong.of(86000))))
              .orElse(List.of());
      List<IpsecFlow> flows =
          flowUp
              .map(
                  up ->
                      List.of(
                          new IpsecFlow(
                              PEER,
                              FLOW,
                              "GigabitEthernet0/0",
                              up,
                              Optional.empty(),
                              OptionalLong.empty(),
                              IpsecCounters.NONE)))
              .orElse(List.of());
      return new DeviceSnapshot(
          "R1", Source.SSH, collectedAt, List.of(tunnel), sas, flows, Optional.empty());
    }

    DeviceFacts facts(Optional<DeviceSnapshot> snapshot) {
      SourceHealth health =
          new SourceHealth(
              Source.SSH,
              latestPollOk,
              snapshot.map(DeviceSnapshot::collectedAt),
              Duration.ofMillis(200));
      return new DeviceFacts(
          new DeviceView("R1", List.of(health), snapshot),
          open,
          ipsecPeers,
          Set.of("Tunnel10"),
          staleAfter);
    }

    TunnelVerdict verdict() {
      List<TunnelVerdict> all = TunnelVerdicts.of(facts(Optional.of(snapshot())), NOW);
      assertThat(all).hasSize(1);
      return all.get(0);
    }
  }

  private static ObjectRef peer() {
    return ObjectRef.peer("R1", PEER);
  }

  private static ObjectRef flow() {
    return ObjectRef.flow("R1", PEER, FLOW);
  }

  private static ObjectRef tunnel() {
    return ObjectRef.tunnel("R1", "Tunnel10");
  }

  private static Finding cause(TunnelVerdict verdict) {
    return verdict.cause().orElseThrow();
  }

  @Test
  void theReferenceTunnelIsHealthyWithItsPeerNamed() {
    TunnelVerdict verdict = new R1().verdict();

    assertThat(verdict.verdict()).isEqualTo(Verdict.HEALTHY);
    assertThat(verdict.findings()).isEmpty();
    assertThat(verdict.tunnel()).hasValue("Tunnel10");
    assertThat(verdict.peer()).hasValue(PEER);
  }

  @Test
  void anOpenPhase1FailureMakesTheTunnelDownAtRung4ThoughTheLineProtocolIsUp() {
    R1 r1 = new R1();
    r1.ikeState = Optional.of("MM_KEY_EXCH");
    r1.flowUp = Optional.of(false);
    r1.open(
        EventKind.PHASE1_FAILURE,
        peer(),
        "R1: IKE phase 1 to 200.0.0.1 not established (MM_KEY_EXCH, 2 polls); likely pre-shared"
            + " key or ISAKMP policy mismatch");

    TunnelVerdict verdict = r1.verdict();

    assertThat(verdict.verdict()).isEqualTo(Verdict.DOWN);
    assertThat(cause(verdict).rung()).isEqualTo(Rung.PHASE1);
    assertThat(cause(verdict).cause())
        .isEqualTo(
            "phase 1: IKE phase 1 to 200.0.0.1 not established (MM_KEY_EXCH, 2 polls); likely"
                + " pre-shared key or ISAKMP policy mismatch");
    // the flow's missing SA follows from phase 1: no second finding blames phase 2
    assertThat(verdict.findings()).hasSize(1);
  }

  @Test
  void aPhase1FailureWithNoIkeSaAtAllPointsAtThePeerAddress() {
    R1 r1 = new R1();
    r1.ikeState = Optional.empty();
    r1.flowUp = Optional.empty();
    r1.open(EventKind.PHASE1_FAILURE, peer(), "R1: no IKE SA to 200.0.0.1 (2 polls)");

    TunnelVerdict verdict = r1.verdict();

    assertThat(verdict.verdict()).isEqualTo(Verdict.DOWN);
    assertThat(cause(verdict).rung()).isEqualTo(Rung.PEER_ADDRESS);
    assertThat(cause(verdict).cause()).isEqualTo("peer address: no IKE SA to 200.0.0.1 (2 polls)");
  }

  @Test
  void anOpenPhase2FailureOnTheFlowIsDownAtRung5() {
    R1 r1 = new R1();
    r1.flowUp = Optional.of(false);
    r1.open(EventKind.PHASE2_FAILURE, flow(), "R1: IKE to 200.0.0.1 is up but flow has no SA");

    TunnelVerdict verdict = r1.verdict();

    assertThat(verdict.verdict()).isEqualTo(Verdict.DOWN);
    assertThat(cause(verdict).rung()).isEqualTo(Rung.PHASE2);
    assertThat(cause(verdict).text()).isEqualTo("IKE to 200.0.0.1 is up but flow has no SA");
    assertThat(verdict.findings()).hasSize(1);
  }

  @Test
  void anOpenPhase2FailureOnThePeerIsAlsoRung5() {
    R1 r1 = new R1();
    r1.flowUp = Optional.empty();
    r1.open(EventKind.PHASE2_FAILURE, peer(), "R1: IKE up but no IPsec SA is active");

    TunnelVerdict verdict = r1.verdict();

    assertThat(verdict.verdict()).isEqualTo(Verdict.DOWN);
    assertThat(cause(verdict).rung()).isEqualTo(Rung.PHASE2);
  }

  @Test
  void stalledCountersAndOneWayTrafficAreWarningsThatDegradeAtRung5() {
    R1 stalled = new R1().open(EventKind.COUNTERS_STALLED, flow(), "R1: flow stalled");
    R1 oneWay = new R1().open(EventKind.ONE_WAY_TRAFFIC, flow(), "R1: flow one-way");

    for (R1 r1 : List.of(stalled, oneWay)) {
      TunnelVerdict verdict = r1.verdict();
      assertThat(verdict.verdict()).isEqualTo(Verdict.DEGRADED);
      assertThat(cause(verdict).rung()).isEqualTo(Rung.PHASE2);
    }
    assertThat(cause(oneWay.verdict()).text()).isEqualTo("flow one-way");
  }

  @Test
  void aRenegotiationStormDegradesAtThePhaseOfItsSubject() {
    R1 ofPeer = new R1().open(EventKind.RENEGOTIATION_STORM, peer(), "R1: IKE storm");
    R1 ofFlow = new R1().open(EventKind.RENEGOTIATION_STORM, flow(), "R1: IPsec storm");

    assertThat(ofPeer.verdict().verdict()).isEqualTo(Verdict.DEGRADED);
    assertThat(cause(ofPeer.verdict()).rung()).isEqualTo(Rung.PHASE1);
    assertThat(cause(ofFlow.verdict()).rung()).isEqualTo(Rung.PHASE2);
  }

  @Test
  void anOpenTunnelDownIsDownAtRung3WithItsSummary() {
    R1 r1 = new R1();
    r1.lineUp = false;
    r1.open(EventKind.TUNNEL_DOWN, tunnel(), "R1: Tunnel10 line protocol down (destination x)");

    TunnelVerdict verdict = r1.verdict();

    assertThat(verdict.verdict()).isEqualTo(Verdict.DOWN);
    assertThat(cause(verdict).rung()).isEqualTo(Rung.TUNNEL_INTERFACE);
    assertThat(cause(verdict).text()).isEqualTo("Tunnel10 line protocol down (destination x)");
  }

  @Test
  void theLowestFailingRungIsTheCauseAndTheOthersFollow() {
    R1 r1 = new R1();
    r1.lineUp = false;
    r1.ikeState = Optional.of("MM_NO_STATE");
    r1.open(EventKind.PHASE1_FAILURE, peer(), "R1: IKE phase 1 failing");
    r1.open(EventKind.TUNNEL_DOWN, tunnel(), "R1: Tunnel10 down");

    TunnelVerdict verdict = r1.verdict();

    assertThat(verdict.findings())
        .extracting(Finding::rung)
        .containsExactly(Rung.TUNNEL_INTERFACE, Rung.PHASE1);
  }

  @Test
  void aCriticalFindingOutranksAWarningOnALowerRung() {
    R1 r1 = new R1();
    r1.ikeState = Optional.of("MM_KEY_EXCH");
    r1.open(EventKind.HIGH_CPU, ObjectRef.device("R1"), "R1: CPU at 95%");
    r1.open(EventKind.PHASE1_FAILURE, peer(), "R1: IKE phase 1 failing");

    TunnelVerdict verdict = r1.verdict();

    assertThat(verdict.verdict()).isEqualTo(Verdict.DOWN);
    assertThat(verdict.findings())
        .extracting(Finding::rung)
        .containsExactly(Rung.PHASE1, Rung.REACH_DEVICE);
  }

  @Test
  void highCpuAloneDegradesEveryTunnelOfTheDeviceAtRung1() {
    R1 r1 = new R1().open(EventKind.HIGH_CPU, ObjectRef.device("R1"), "R1: CPU at 95%");

    TunnelVerdict verdict = r1.verdict();

    assertThat(verdict.verdict()).isEqualTo(Verdict.DEGRADED);
    assertThat(cause(verdict).cause()).isEqualTo("device: CPU at 95%");
  }

  @Test
  void anUnreachableDeviceMakesItsTunnelsUnknownWhateverTheOldDataSaid() {
    R1 r1 = new R1();
    r1.latestPollOk = false;
    r1.lineUp = false;
    r1.open(EventKind.DEVICE_UNREACHABLE, ObjectRef.device("R1"), "R1: 3 polls in a row failed");

    TunnelVerdict verdict = r1.verdict();

    assertThat(verdict.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(verdict.findings()).hasSize(1);
    assertThat(cause(verdict).rung()).isEqualTo(Rung.REACH_DEVICE);
    assertThat(cause(verdict).text()).isEqualTo("3 polls in a row failed");
  }

  @Test
  void aFailedLatestPollMakesTheDataUnknownBeforeAnyConditionOpens() {
    R1 r1 = new R1();
    r1.latestPollOk = false;
    r1.collectedAt = NOW.minusSeconds(75);

    TunnelVerdict verdict = r1.verdict();

    assertThat(verdict.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(cause(verdict).text())
        .startsWith("the latest ssh poll failed; the data is 1m15s old");
  }

  @Test
  void dataOlderThanThreePollIntervalsIsUnknown() {
    R1 r1 = new R1();
    r1.collectedAt = NOW.minusSeconds(91);

    TunnelVerdict verdict = r1.verdict();

    assertThat(verdict.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(cause(verdict).text()).startsWith("the data is 1m31s old");
  }

  @Test
  void dataJustWithinTheLimitOrOfAnUnknownIntervalIsJudged() {
    R1 fresh = new R1();
    fresh.collectedAt = NOW.minusSeconds(90);
    R1 noInterval = new R1();
    noInterval.collectedAt = NOW.minus(Duration.ofDays(1));
    noInterval.staleAfter = Optional.empty();

    assertThat(fresh.verdict().verdict()).isEqualTo(Verdict.HEALTHY);
    assertThat(noInterval.verdict().verdict()).isEqualTo(Verdict.HEALTHY);
  }

  @Test
  void aDeviceNeverPolledListsItsKnownTunnelsAsUnknown() {
    R1 r1 = new R1();
    r1.latestPollOk = false;

    List<TunnelVerdict> verdicts = TunnelVerdicts.of(r1.facts(Optional.empty()), NOW);

    assertThat(verdicts)
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.tunnel()).hasValue("Tunnel10");
              assertThat(v.verdict()).isEqualTo(Verdict.UNKNOWN);
              assertThat(cause(v).text()).startsWith("no successful poll yet");
            });
  }

  @Test
  void aDeviceNeverPolledWithNoKnownTunnelStillHasARow() {
    DeviceFacts facts =
        new DeviceFacts(
            new DeviceView("R9", List.of(), Optional.empty()),
            List.of(),
            Set.of(),
            Set.of(),
            Optional.empty());

    assertThat(TunnelVerdicts.of(facts, NOW))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.tunnel()).isEmpty();
              assertThat(v.verdict()).isEqualTo(Verdict.UNKNOWN);
            });
  }

  @Test
  void lineProtocolDownWithoutAConditionYetIsDown() {
    R1 r1 = new R1();
    r1.lineUp = false;

    TunnelVerdict verdict = r1.verdict();

    assertThat(verdict.verdict()).isEqualTo(Verdict.DOWN);
    assertThat(cause(verdict).cause()).startsWith("tunnel interface: Tunnel10 line protocol down");
  }

  @Test
  void anAdministrativelyDownTunnelSaysSo() {
    R1 r1 = new R1();
    r1.adminUp = false;
    r1.lineUp = false;

    assertThat(cause(r1.verdict()).text())
        .isEqualTo("Tunnel10 is administratively down (shutdown)");
  }

  @Test
  void aTunnelWithoutDestinationFailsAtRung2AndHasNoPeer() {
    R1 r1 = new R1();
    r1.destination = "";
    r1.lineUp = false;

    TunnelVerdict verdict = r1.verdict();

    assertThat(verdict.peer()).isEmpty();
    assertThat(verdict.verdict()).isEqualTo(Verdict.DOWN);
    assertThat(cause(verdict).rung()).isEqualTo(Rung.PEER_ADDRESS);
  }

  @Test
  void anUnconfirmedPhase1IsDegradedWithTheStateNamed() {
    R1 r1 = new R1();
    r1.ikeState = Optional.of("MM_NO_STATE");
    r1.flowUp = Optional.of(false);

    TunnelVerdict verdict = r1.verdict();

    assertThat(verdict.verdict()).isEqualTo(Verdict.DEGRADED);
    assertThat(cause(verdict).cause())
        .startsWith("phase 1: IKE with 200.0.0.1 in MM_NO_STATE, not established");
    assertThat(verdict.findings()).hasSize(1);
  }

  @Test
  void aMissingIkeSaOfAKnownIpsecPeerIsDegraded() {
    R1 r1 = new R1();
    r1.ikeState = Optional.empty();
    r1.flowUp = Optional.empty();

    TunnelVerdict verdict = r1.verdict();

    assertThat(verdict.verdict()).isEqualTo(Verdict.DEGRADED);
    assertThat(cause(verdict).text()).startsWith("no IKE SA with 200.0.0.1");
  }

  @Test
  void aPlainGreTunnelToAPeerNeverSeenInIkeIsJudgedOnItsLineProtocolAlone() {
    R1 r1 = new R1();
    r1.ikeState = Optional.empty();
    r1.flowUp = Optional.empty();
    r1.ipsecPeers = Set.of();

    assertThat(r1.verdict().verdict()).isEqualTo(Verdict.HEALTHY);
  }

  @Test
  void anUnconfirmedPhase2IsDegraded() {
    R1 down = new R1();
    down.flowUp = Optional.of(false);
    R1 missing = new R1();
    missing.flowUp = Optional.empty();

    assertThat(down.verdict().verdict()).isEqualTo(Verdict.DEGRADED);
    assertThat(cause(down.verdict()).text()).contains("has no active IPsec SA");
    assertThat(cause(missing.verdict()).text()).contains("no IPsec SA is listed");
    assertThat(cause(missing.verdict()).rung()).isEqualTo(Rung.PHASE2);
  }

  @Test
  void conditionsOfOtherTunnelsAndPeersDoNotTouchThisTunnel() {
    R1 r1 = new R1();
    r1.open(EventKind.TUNNEL_DOWN, ObjectRef.tunnel("R1", "Tunnel99"), "R1: Tunnel99 down");
    r1.open(EventKind.PHASE1_FAILURE, ObjectRef.peer("R1", "203.0.113.9"), "R1: other peer");
    r1.open(
        EventKind.COUNTERS_STALLED, ObjectRef.flow("R1", "203.0.113.9", "a->b"), "R1: other flow");

    assertThat(r1.verdict().verdict()).isEqualTo(Verdict.HEALTHY);
  }

  @Test
  void aCriticalSeverityOfAnyConditionMeansDown() {
    R1 r1 = new R1();
    r1.open.add(
        new Event(
            NOW,
            flow(),
            EventKind.COUNTERS_STALLED,
            EventStatus.OPENED,
            Severity.CRITICAL,
            "R1: stalled and critical",
            List.of()));

    assertThat(r1.verdict().verdict()).isEqualTo(Verdict.DOWN);
  }

  @Test
  void aSummaryWithoutTheDeviceNameIsKeptWhole() {
    R1 r1 = new R1().open(EventKind.HIGH_CPU, ObjectRef.device("R1"), "CPU high on R1");

    assertThat(cause(r1.verdict()).text()).isEqualTo("CPU high on R1");
  }

  @Test
  void verdictsRankDownThenUnknownThenDegradedThenHealthy() {
    assertThat(Verdict.values())
        .containsExactly(Verdict.DOWN, Verdict.UNKNOWN, Verdict.DEGRADED, Verdict.HEALTHY);
    assertThat(Rung.values()).extracting(Rung::number).containsExactly(1, 2, 3, 4, 5);
  }
}
