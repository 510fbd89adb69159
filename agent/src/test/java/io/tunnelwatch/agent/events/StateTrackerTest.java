package io.tunnelwatch.agent.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.tunnelwatch.core.model.FailureCounters;
import io.tunnelwatch.core.model.FailurePhase;
import io.tunnelwatch.core.model.Observation;
import io.tunnelwatch.core.model.ObservationKind;
import io.tunnelwatch.core.model.SaFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class StateTrackerTest {

  private static final Instant T0 = Instant.parse("2026-11-28T12:00:00Z");
  private static final Duration INTERVAL = Duration.ofSeconds(30);
  private static final ObjectRef PEER = ObjectRef.peer("R1", Router.PEER);
  private static final ObjectRef FLOW = ObjectRef.flow("R1", Router.PEER, Router.FLOW);
  private static final ObjectRef TUNNEL = ObjectRef.tunnel("R1", Router.TUNNEL);
  private static final ObjectRef DEVICE = ObjectRef.device("R1");

  private final Router router = new Router();
  private TrackerSettings settings = TrackerSettings.DEFAULTS;
  private TrackedDevice state = TrackedDevice.initial("R1");
  private Instant now = T0;
  private TrackerStep last;
  private final List<Event> all = new ArrayList<>();

  /** One successful poll, {@code INTERVAL} after the previous one. */
  private TrackerStep poll() {
    return record(StateTracker.onSnapshot(state, router.at(now), settings));
  }

  private TrackerStep failedPoll() {
    return record(StateTracker.onFailure(state, now, "timeout", settings));
  }

  private TrackerStep observe(ObservationKind kind, String detail) {
    return observe(kind, Optional.of(Router.PEER), Optional.empty(), detail);
  }

  private TrackerStep observePeer(ObservationKind kind, String peer) {
    return observe(kind, Optional.of(peer), Optional.empty(), kind + " peer=" + peer);
  }

  private TrackerStep observeTunnel(ObservationKind kind, String tunnel) {
    return observe(kind, Optional.empty(), Optional.of(tunnel), kind + " ifDescr=" + tunnel);
  }

  private TrackerStep observe(
      ObservationKind kind, Optional<String> peer, Optional<String> tunnel, String detail) {
    return record(
        StateTracker.onObservation(
            state, new Observation("R1", now, kind, peer, tunnel, detail), settings));
  }

  private TrackerStep record(TrackerStep step) {
    state = step.state();
    last = step;
    all.addAll(step.events());
    now = now.plus(INTERVAL);
    return step;
  }

  private static List<Event> of(TrackerStep step, EventKind kind, EventStatus status) {
    return step.events().stream().filter(e -> e.kind() == kind && e.status() == status).toList();
  }

  private List<Event> opened() {
    return all.stream().filter(e -> e.status() == EventStatus.OPENED).toList();
  }

  @Test
  void aHealthyRouterRaisesNothingAndReportsEveryObjectUp() {
    TrackerStep first = poll();
    for (int i = 0; i < 30; i++) {
      router.traffic();
      poll();
    }

    assertThat(all).isEmpty();
    assertThat(first.transitions())
        .extracting(StateTransition::subject, StateTransition::from, StateTransition::to)
        .containsExactlyInAnyOrder(
            tuple(TUNNEL, ObjectState.UNKNOWN, ObjectState.UP),
            tuple(PEER, ObjectState.UNKNOWN, ObjectState.UP),
            tuple(FLOW, ObjectState.UNKNOWN, ObjectState.UP));
    assertThat(last.transitions()).isEmpty();
    assertThat(state.open()).isEmpty();
  }

  @Test
  void inputOfAnotherDeviceIsRefused() {
    TrackedDevice r2 = TrackedDevice.initial("R2");
    assertThatThrownBy(() -> StateTracker.onSnapshot(r2, router.at(now), settings))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("R2")
        .hasMessageContaining("R1");
  }

  @Nested
  class Rekeys {

    @Test
    void aScheduledIpsecRekeyIsCountedAndOpensNothing() {
      poll();
      router.traffic();
      router.spiIn = "0x99990001";
      router.spiOut = "0x99990002";
      TrackerStep step = poll();

      assertThat(of(step, EventKind.IPSEC_REKEY, EventStatus.OCCURRED))
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.subject()).isEqualTo(FLOW);
                assertThat(e.severity()).isEqualTo(Severity.INFO);
                assertThat(e.summary()).contains("rekeyed").contains("no action needed");
                assertThat(e.evidence())
                    .singleElement()
                    .satisfies(
                        ev -> {
                          assertThat(ev.before()).isEqualTo("0x1A2B3C4D/0x5E6F7A8B");
                          assertThat(ev.after()).isEqualTo("0x99990001/0x99990002");
                        });
              });
      assertThat(state.totals().ipsecRekeys()).containsEntry(FLOW, 1L);
      assertThat(state.totals().events(EventKind.IPSEC_REKEY)).isEqualTo(1);
      assertThat(state.open()).isEmpty();
      assertThat(step.transitions()).isEmpty();
    }

    @Test
    void theSameSpiPairIsNoRekey() {
      poll();
      router.traffic();
      poll();

      assertThat(all).isEmpty();
      assertThat(state.totals().ipsecRekeys()).isEmpty();
    }

    @Test
    void anIkeRekeyIsANewConnId() {
      poll();
      router.ikeConnId = 1002;
      TrackerStep step = poll();

      assertThat(of(step, EventKind.IKE_REKEY, EventStatus.OCCURRED))
          .singleElement()
          .satisfies(e -> assertThat(e.summary()).contains("conn-id 1001 -> 1002"));
      assertThat(state.totals().ikeRekeys()).containsEntry(Router.PEER, 1L);
    }

    @Test
    void anIkeRekeyIsActiveTimeGoingBackwardsWhenNoConnIdChanges() {
      router.ikeActiveSeconds = OptionalLong.of(5000);
      poll();
      router.ikeActiveSeconds = OptionalLong.of(5030);
      poll();
      assertThat(all).isEmpty();
      router.ikeActiveSeconds = OptionalLong.of(12);
      TrackerStep step = poll();

      assertThat(of(step, EventKind.IKE_REKEY, EventStatus.OCCURRED)).hasSize(1);
    }

    @Test
    void anSaComingUpIsNoRekey() {
      router.flowUp = false;
      poll();
      router.flowUp = true;
      router.spiIn = "0x77770001";
      TrackerStep step = poll();

      assertThat(of(step, EventKind.IPSEC_REKEY, EventStatus.OCCURRED)).isEmpty();
    }
  }

  @Nested
  class RenegotiationStorm {

    private TrackerStep rekey(int i) {
      router.traffic();
      router.spiIn = "0x1000000" + i;
      router.spiOut = "0x2000000" + i;
      return poll();
    }

    @Test
    void moreRekeysThanTheLifetimeExplainsOpenAStormThatClearsWhenTheyStop() {
      poll();
      for (int i = 1; i <= 3; i++) {
        rekey(i);
      }
      assertThat(opened()).isEmpty();

      TrackerStep fourth = rekey(4);

      assertThat(of(fourth, EventKind.RENEGOTIATION_STORM, EventStatus.OPENED))
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.subject()).isEqualTo(FLOW);
                assertThat(e.summary()).contains("4 rekeys").contains("within 10m");
              });
      assertThat(state.totals().ipsecRekeys()).containsEntry(FLOW, 4L);

      // Quiet for longer than the window: the storm is over.
      TrackerStep cleared = null;
      for (int i = 0; i < 21 && cleared == null; i++) {
        router.traffic();
        TrackerStep step = poll();
        if (!of(step, EventKind.RENEGOTIATION_STORM, EventStatus.RESOLVED).isEmpty()) {
          cleared = step;
        }
      }
      assertThat(cleared).isNotNull();
      assertThat(state.open()).isEmpty();
    }

    @Test
    void rekeysTheConfiguredLifetimeExplainsAreNoStorm() {
      settings =
          new TrackerSettings(
              3,
              2,
              Duration.ofMinutes(5),
              Duration.ofMinutes(10),
              3,
              Duration.ofDays(1),
              Duration.ofSeconds(60),
              0.9,
              Duration.ofMinutes(5),
              Set.of(),
              Set.of(),
              Duration.ofDays(7));
      poll();
      for (int i = 1; i <= 8; i++) {
        rekey(i);
      }

      assertThat(opened()).isEmpty();
      assertThat(state.totals().ipsecRekeys()).containsEntry(FLOW, 8L);
    }
  }

  @Nested
  class Phase1 {

    @Test
    void ikeStuckInKeyExchangeOpensAfterNPollsNamingTheLikelyCause() {
      poll();
      router.ikeState = "MM_KEY_EXCH";
      router.ikeEstablished = false;
      router.flowUp = false;
      TrackerStep first = poll();
      assertThat(of(first, EventKind.PHASE1_FAILURE, EventStatus.OPENED)).isEmpty();
      assertThat(first.transitions())
          .extracting(StateTransition::subject, StateTransition::to, StateTransition::detail)
          .contains(
              tuple(PEER, ObjectState.DOWN, "MM_KEY_EXCH"),
              tuple(FLOW, ObjectState.DOWN, "no active SA"));

      TrackerStep second = poll();

      assertThat(of(second, EventKind.PHASE1_FAILURE, EventStatus.OPENED))
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.subject()).isEqualTo(PEER);
                assertThat(e.severity()).isEqualTo(Severity.CRITICAL);
                assertThat(e.summary())
                    .isEqualTo(
                        "R1: IKE phase 1 to 200.0.0.1 not established (MM_KEY_EXCH, 2 polls);"
                            + " likely pre-shared key or ISAKMP policy mismatch; check `show crypto"
                            + " isakmp sa detail` and `debug crypto isakmp` on both ends");
              });
      // Phase 2 is not blamed while phase 1 is the problem.
      assertThat(of(second, EventKind.PHASE2_FAILURE, EventStatus.OPENED)).isEmpty();
      assertThat(state.totals().phase1Failures()).containsEntry(Router.PEER, 1L);

      poll();
      assertThat(opened()).hasSize(1);

      router.ikeState = "QM_IDLE";
      router.ikeEstablished = true;
      router.flowUp = true;
      TrackerStep fixed = poll();
      assertThat(of(fixed, EventKind.PHASE1_FAILURE, EventStatus.RESOLVED))
          .singleElement()
          .satisfies(e -> assertThat(e.summary()).contains("cleared after 1m"));
    }

    @Test
    void aVanishedIkeSaIsAPhase1FailureToo() {
      poll();
      router.ikePresent = false;
      router.flowPresent = false;
      poll();
      TrackerStep second = poll();

      assertThat(of(second, EventKind.PHASE1_FAILURE, EventStatus.OPENED))
          .singleElement()
          .satisfies(e -> assertThat(e.summary()).contains("no IKE SA to 200.0.0.1"));
    }

    @Test
    void aConfiguredPeerNeverSeenIsExpected() {
      settings =
          new TrackerSettings(
              3,
              1,
              Duration.ofMinutes(5),
              Duration.ofMinutes(10),
              3,
              Duration.ofDays(1),
              Duration.ofHours(1),
              0.9,
              Duration.ofMinutes(5),
              Set.of(),
              Set.of(Router.PEER, "203.0.113.9"),
              Duration.ofDays(7));
      TrackerStep step = poll();

      assertThat(of(step, EventKind.PHASE1_FAILURE, EventStatus.OPENED))
          .extracting(Event::subject)
          .containsExactly(ObjectRef.peer("R1", "203.0.113.9"));
    }

    @Test
    void growingFailureCountersOpenAtOnceAndAreCountedForTheFailingPeer() {
      router.failureCounters = new FailureCounters(OptionalLong.of(10), OptionalLong.of(0));
      poll();
      router.ikeState = "MM_NO_STATE";
      router.ikeEstablished = false;
      router.flowUp = false;
      router.failureCounters = new FailureCounters(OptionalLong.of(13), OptionalLong.of(0));
      router.failures.add(
          new SaFailure(
              FailurePhase.PHASE1,
              7,
              Optional.of(Router.PEER),
              "peerAuthFailed",
              Optional.empty()));
      TrackerStep step = poll();

      assertThat(of(step, EventKind.PHASE1_FAILURE, EventStatus.OPENED))
          .singleElement()
          .satisfies(e -> assertThat(e.summary()).contains("MM_NO_STATE, 1 poll"));
      assertThat(state.totals().phase1Failures()).containsEntry(Router.PEER, 3L);
    }

    @Test
    void ipsecRunningOnWithoutItsIkeSaIsNoFailure() {
      poll();
      router.ikeState = "UP-NO-IKE";
      router.ikeEstablished = false;
      for (int i = 0; i < 5; i++) {
        router.traffic();
        poll();
      }

      assertThat(opened()).isEmpty();
      assertThat(state.totals().phase1Failures()).isEmpty();
      assertThat(state.states())
          .containsEntry(PEER, ObjectState.DOWN)
          .containsEntry(FLOW, ObjectState.UP);
    }

    @Test
    void anAdministrativelyShutTunnelExpectsNoIke() {
      poll();
      router.tunnelAdminUp = false;
      router.tunnelUp = false;
      router.ikePresent = false;
      router.flowUp = false;
      poll();
      poll();
      poll();

      assertThat(opened()).isEmpty();
    }
  }

  @Nested
  class Phase2 {

    @Test
    void ikeUpWithoutAnActiveSaOpensAfterNPolls() {
      poll();
      router.ikeState = "QM_IDLE";
      router.flowUp = false;
      poll();
      assertThat(opened()).isEmpty();
      TrackerStep second = poll();

      assertThat(of(second, EventKind.PHASE2_FAILURE, EventStatus.OPENED))
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.subject()).isEqualTo(FLOW);
                assertThat(e.summary())
                    .contains("IKE to 200.0.0.1 is up (QM_IDLE)")
                    .contains("transform-set mismatch or crypto ACLs not mirrored");
              });
      assertThat(state.totals().phase2Failures()).containsEntry(Router.PEER, 1L);

      router.flowUp = true;
      TrackerStep fixed = poll();
      assertThat(of(fixed, EventKind.PHASE2_FAILURE, EventStatus.RESOLVED)).hasSize(1);
    }

    @Test
    void growingPhase2CountersOpenAtOnceAndCountTheirGrowth() {
      router.failureCounters = new FailureCounters(OptionalLong.of(0), OptionalLong.of(4));
      poll();
      router.flowUp = false;
      router.failureCounters = new FailureCounters(OptionalLong.of(0), OptionalLong.of(6));
      TrackerStep step = poll();

      assertThat(of(step, EventKind.PHASE2_FAILURE, EventStatus.OPENED))
          .singleElement()
          .satisfies(e -> assertThat(e.subject()).isEqualTo(FLOW));
      // The device counts its own failures, so the state machine adds nothing on top.
      assertThat(state.totals().phase2Failures()).containsEntry(Router.PEER, 2L);
    }

    @Test
    void aSetupFailureNotificationOpensAtOnceAndClearsWhenTheFlowIsUp() {
      poll();
      TrackerStep trap = observe(ObservationKind.IPSEC_SETUP_FAILURE, "cipSecSetUpFailure");

      assertThat(of(trap, EventKind.PHASE2_FAILURE, EventStatus.OPENED))
          .singleElement()
          .satisfies(e -> assertThat(e.subject()).isEqualTo(PEER));
      assertThat(of(poll(), EventKind.PHASE2_FAILURE, EventStatus.RESOLVED)).hasSize(1);
    }

    @Test
    void anOpenPhase2FailureWaitsWhilePhase1IsDown() {
      poll();
      router.flowUp = false;
      poll();
      poll();
      assertThat(state.isOpen(EventKind.PHASE2_FAILURE, FLOW)).isTrue();

      router.ikeState = "MM_NO_STATE";
      router.ikeEstablished = false;
      poll();
      poll();

      assertThat(state.isOpen(EventKind.PHASE2_FAILURE, FLOW)).isTrue();
      assertThat(state.isOpen(EventKind.PHASE1_FAILURE, PEER)).isTrue();
      router.ikeState = "QM_IDLE";
      router.ikeEstablished = true;
      router.flowUp = true;
      TrackerStep fixed = poll();
      assertThat(fixed.events())
          .extracting(Event::kind, Event::status)
          .containsExactlyInAnyOrder(
              tuple(EventKind.PHASE1_FAILURE, EventStatus.RESOLVED),
              tuple(EventKind.PHASE2_FAILURE, EventStatus.RESOLVED));
    }

    @Test
    void anIdleSessionWithNoFlowAtAllIsAPhase2Failure() {
      router.flowPresent = false;
      router.ikeState = "UP-IDLE";
      poll();
      TrackerStep second = poll();

      assertThat(of(second, EventKind.PHASE2_FAILURE, EventStatus.OPENED))
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.subject()).isEqualTo(PEER);
                assertThat(e.summary()).contains("UP-IDLE").contains("no IPsec SA is active");
              });
    }
  }

  @Nested
  class Traffic {

    @Test
    void countersThatStopMovingWhileTheSaIsUpOpenAStall() {
      poll();
      for (int i = 0; i < 12; i++) {
        router.traffic();
        poll();
      }
      // Traffic stops: 5 minutes is 10 polls.
      for (int i = 0; i < 9; i++) {
        poll();
      }
      assertThat(opened()).isEmpty();
      TrackerStep tenth = poll();

      assertThat(of(tenth, EventKind.COUNTERS_STALLED, EventStatus.OPENED))
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.subject()).isEqualTo(FLOW);
                assertThat(e.summary()).contains("neither encrypt nor decrypt moved for 5m");
              });
      assertThat(state.isOpen(EventKind.COUNTERS_STALLED, FLOW)).isTrue();

      router.traffic();
      TrackerStep moving = poll();
      assertThat(of(moving, EventKind.COUNTERS_STALLED, EventStatus.RESOLVED)).hasSize(1);
    }

    @Test
    void aFlowThatNeverCarriedTrafficOnAQuietTunnelIsNotStalled() {
      for (int i = 0; i < 30; i++) {
        poll();
      }

      assertThat(all).isEmpty();
    }

    @Test
    void aQuietFlowOnABusyTunnelIsStalled() {
      for (int i = 0; i < 11; i++) {
        router.tunnelTx += 50;
        router.tunnelRx += 50;
        poll();
      }

      assertThat(opened()).extracting(Event::kind).containsExactly(EventKind.COUNTERS_STALLED);
    }

    @Test
    void encryptWithoutDecryptIsOneWayTraffic() {
      poll();
      for (int i = 0; i < 10; i++) {
        router.encrypted += 100;
        poll();
      }

      assertThat(opened())
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.kind()).isEqualTo(EventKind.ONE_WAY_TRAFFIC);
                assertThat(e.summary()).contains("encrypts but decrypts nothing for 5m");
              });
    }
  }

  @Nested
  class Tunnels {

    @Test
    void lineProtocolDownOpensTunnelDownAndCountsAFlap() {
      poll();
      router.tunnelUp = false;
      TrackerStep down = poll();

      assertThat(of(down, EventKind.TUNNEL_DOWN, EventStatus.OPENED))
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.subject()).isEqualTo(TUNNEL);
                assertThat(e.summary())
                    .contains("Tunnel10 line protocol down (destination 200.0.0.1)");
              });
      assertThat(of(down, EventKind.TUNNEL_FLAP, EventStatus.OCCURRED)).hasSize(1);
      assertThat(down.transitions())
          .extracting(StateTransition::subject, StateTransition::from, StateTransition::to)
          .containsExactly(tuple(TUNNEL, ObjectState.UP, ObjectState.DOWN));
      assertThat(state.totals().tunnelFlaps()).containsEntry(Router.TUNNEL, 1L);

      poll();
      router.tunnelUp = true;
      TrackerStep up = poll();
      assertThat(of(up, EventKind.TUNNEL_DOWN, EventStatus.RESOLVED)).hasSize(1);
      assertThat(all.stream().filter(e -> e.kind() == EventKind.TUNNEL_DOWN)).hasSize(2);
    }

    @Test
    void anAdministrativeShutdownIsNoOutage() {
      poll();
      router.tunnelAdminUp = false;
      router.tunnelUp = false;
      TrackerStep step = poll();

      assertThat(of(step, EventKind.TUNNEL_DOWN, EventStatus.OPENED)).isEmpty();
      assertThat(step.transitions())
          .extracting(StateTransition::detail)
          .contains("administratively down");
    }

    @Test
    void aTunnelThatDisappearsIsDown() {
      poll();
      router.tunnelPresent = false;
      TrackerStep step = poll();

      assertThat(of(step, EventKind.TUNNEL_DOWN, EventStatus.OPENED))
          .singleElement()
          .satisfies(e -> assertThat(e.summary()).contains("missing from `show interfaces`"));
    }
  }

  @Nested
  class Device {

    @Test
    void unreachableAfterNFailedPollsAndResolvedByTheNextGoodOne() {
      poll();
      failedPoll();
      failedPoll();
      assertThat(opened()).isEmpty();
      TrackerStep third = failedPoll();

      assertThat(of(third, EventKind.DEVICE_UNREACHABLE, EventStatus.OPENED))
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.subject()).isEqualTo(DEVICE);
                assertThat(e.summary()).contains("3 polls in a row failed (timeout)");
              });
      assertThat(third.transitions())
          .extracting(StateTransition::to)
          .containsOnly(ObjectState.UNKNOWN)
          .hasSize(3);

      failedPoll();
      TrackerStep back = poll();
      assertThat(of(back, EventKind.DEVICE_UNREACHABLE, EventStatus.RESOLVED)).hasSize(1);
      assertThat(back.transitions()).extracting(StateTransition::to).containsOnly(ObjectState.UP);
      assertThat(opened()).hasSize(1);
    }

    @Test
    void aFailedPollLeavesOtherConditionsOpen() {
      poll();
      router.tunnelUp = false;
      poll();
      TrackerStep failed = failedPoll();

      assertThat(failed.events()).isEmpty();
      assertThat(state.isOpen(EventKind.TUNNEL_DOWN, TUNNEL)).isTrue();
    }

    @Test
    void uptimeGoingBackwardsIsAReboot() {
      router.uptime = Optional.of(Duration.ofDays(3));
      poll();
      router.uptime = Optional.of(Duration.ofDays(3).plus(INTERVAL));
      TrackerStep normal = poll();
      assertThat(normal.rebooted()).isFalse();
      router.uptime = Optional.of(Duration.ofSeconds(95));
      TrackerStep step = poll();

      assertThat(step.rebooted()).isTrue();
      assertThat(of(step, EventKind.DEVICE_REBOOT, EventStatus.OCCURRED))
          .singleElement()
          .satisfies(e -> assertThat(e.summary()).contains("rebooted (uptime 3d30s -> 1m35s)"));
      assertThat(state.totals().reboots()).isEqualTo(1);
    }

    @Test
    void aRebootForgetsCounterHistorySoRestartedCountersAreNotOneWay() {
      router.uptime = Optional.of(Duration.ofDays(3));
      poll();
      router.traffic();
      poll();
      // Reboot 20 minutes later: encrypt restarted and is back above its old value by chance,
      // decrypt happens to equal the old value.
      now = now.plus(Duration.ofMinutes(20));
      router.uptime = Optional.of(Duration.ofMinutes(19));
      router.encrypted += 400;
      TrackerStep step = poll();

      assertThat(step.rebooted()).isTrue();
      assertThat(of(step, EventKind.ONE_WAY_TRAFFIC, EventStatus.OPENED)).isEmpty();
    }

    @Test
    void highCpuOpensOnlyWhenItLastsTheWindow() {
      poll();
      router.cpu = 0.97;
      for (int i = 0; i < 10; i++) {
        poll();
      }
      assertThat(opened()).isEmpty();
      TrackerStep step = poll();

      assertThat(of(step, EventKind.HIGH_CPU, EventStatus.OPENED))
          .singleElement()
          .satisfies(e -> assertThat(e.summary()).contains("CPU at 97%"));

      router.cpu = 0.2;
      assertThat(of(poll(), EventKind.HIGH_CPU, EventStatus.RESOLVED)).hasSize(1);
    }

    @Test
    void aShortCpuSpikeOpensNothing() {
      poll();
      router.cpu = 0.99;
      for (int i = 0; i < 5; i++) {
        poll();
      }
      router.cpu = 0.1;
      poll();
      router.cpu = 0.99;
      for (int i = 0; i < 5; i++) {
        poll();
      }

      assertThat(opened()).isEmpty();
    }
  }

  @Nested
  class Observations {

    @Test
    void aTrapOpensAtOnceAndAGoodPollClearsIt() {
      poll();
      TrackerStep trap = observe(ObservationKind.IKE_PROTOCOL_FAILURE, "cikeProtocolFailure");

      assertThat(of(trap, EventKind.PHASE1_FAILURE, EventStatus.OPENED))
          .singleElement()
          .satisfies(e -> assertThat(e.summary()).contains("the next poll confirms it"));
      assertThat(state.totals().phase1Failures()).containsEntry(Router.PEER, 1L);

      TrackerStep next = poll();
      assertThat(of(next, EventKind.PHASE1_FAILURE, EventStatus.RESOLVED)).hasSize(1);
    }

    @Test
    void aTrapConfirmedByThePollStaysOpenWithoutASecondEvent() {
      poll();
      observe(ObservationKind.IKE_NO_SA, "cikeNoSa");
      router.ikeState = "MM_NO_STATE";
      router.ikeEstablished = false;
      router.flowUp = false;
      poll();
      poll();
      poll();

      assertThat(all.stream().filter(e -> e.kind() == EventKind.PHASE1_FAILURE))
          .extracting(Event::status)
          .containsExactly(EventStatus.OPENED);
    }

    @Test
    void aTrapAboutATunnelOrPeerNoPollHasShownOpensAndCountsNothing() {
      poll();
      TrackerStep forgedTunnel = observeTunnel(ObservationKind.LINK_DOWN, "Tunnel9999");
      TrackerStep forgedPeer = observePeer(ObservationKind.IKE_PROTOCOL_FAILURE, "203.0.113.66");

      assertThat(forgedTunnel.events()).isEmpty();
      assertThat(forgedPeer.events()).isEmpty();
      assertThat(state.totals().phase1Failures()).doesNotContainKey("203.0.113.66");
      assertThat(state.open()).isEmpty();
    }

    @Test
    void aTrapAboutAKnownTunnelOpensItsCondition() {
      poll();
      TrackerStep trap = observeTunnel(ObservationKind.LINK_DOWN, Router.TUNNEL);

      assertThat(of(trap, EventKind.TUNNEL_DOWN, EventStatus.OPENED)).hasSize(1);
    }

    @Test
    void informationalNotificationsOpenNothing() {
      poll();
      TrackerStep step = observe(ObservationKind.IPSEC_TUNNEL_START, "cipSecTunnelStart");

      assertThat(step.events()).isEmpty();
    }
  }

  /** Settings as the defaults, with the given retirement age and expected tunnels. */
  private static TrackerSettings forgetAfter(Duration age, Set<String> expectedTunnels) {
    TrackerSettings d = TrackerSettings.DEFAULTS;
    return new TrackerSettings(
        d.unreachableAfterPolls(),
        d.negotiationFailurePolls(),
        d.trafficWindow(),
        d.stormWindow(),
        d.stormRekeys(),
        d.ikeLifetime(),
        d.ipsecLifetime(),
        d.cpuThreshold(),
        d.cpuWindow(),
        expectedTunnels,
        d.expectedPeers(),
        age);
  }

  @Nested
  class Retirement {

    @Test
    void aTunnelGoneLongerThanForgetAfterIsRetiredWithItsConditionAndCounts() {
      settings = forgetAfter(Duration.ofHours(1), Set.of());
      poll();
      router.tunnelUp = false;
      poll();
      router.tunnelPresent = false;
      poll();
      assertThat(state.isOpen(EventKind.TUNNEL_DOWN, TUNNEL)).isTrue();
      assertThat(state.totals().tunnelFlaps()).containsKey(Router.TUNNEL);

      now = now.plus(Duration.ofHours(1));
      TrackerStep step = poll();

      assertThat(of(step, EventKind.OBJECT_RETIRED, EventStatus.OCCURRED))
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.subject()).isEqualTo(TUNNEL);
                assertThat(e.severity()).isEqualTo(Severity.INFO);
                assertThat(e.summary()).startsWith("R1: Tunnel10 has not been listed for 1h");
              });
      assertThat(of(step, EventKind.TUNNEL_DOWN, EventStatus.RESOLVED)).hasSize(1);
      assertThat(step.transitions())
          .extracting(StateTransition::subject, StateTransition::from, StateTransition::to)
          .contains(tuple(TUNNEL, ObjectState.DOWN, ObjectState.UNKNOWN));
      assertThat(state.seenTunnels()).doesNotContain(Router.TUNNEL);
      assertThat(state.states()).doesNotContainKey(TUNNEL);
      assertThat(state.inventory()).doesNotContainKey(TUNNEL);
      assertThat(state.totals().tunnelFlaps()).doesNotContainKey(Router.TUNNEL);

      TrackerStep after = poll();
      assertThat(after.events()).isEmpty();
    }

    @Test
    void anExpectedTunnelIsNeverRetired() {
      settings = forgetAfter(Duration.ofHours(1), Set.of(Router.TUNNEL));
      poll();
      router.tunnelPresent = false;
      poll();
      now = now.plus(Duration.ofDays(30));
      TrackerStep step = poll();

      assertThat(of(step, EventKind.OBJECT_RETIRED, EventStatus.OCCURRED)).isEmpty();
      assertThat(state.isOpen(EventKind.TUNNEL_DOWN, TUNNEL)).isTrue();
    }

    @Test
    void aTunnelTheOperatorNoLongerExpectsIsRetiredOnceTheRouterStopsListingIt() {
      settings = forgetAfter(Duration.ofDays(7), Set.of(Router.TUNNEL));
      poll();
      router.tunnelPresent = false;
      poll();
      assertThat(state.isOpen(EventKind.TUNNEL_DOWN, TUNNEL)).isTrue();

      settings = forgetAfter(Duration.ofDays(7), Set.of("Tunnel99"));
      TrackerStep step = poll();

      assertThat(of(step, EventKind.OBJECT_RETIRED, EventStatus.OCCURRED))
          .extracting(Event::subject)
          .containsExactly(TUNNEL);
      assertThat(of(step, EventKind.TUNNEL_DOWN, EventStatus.RESOLVED)).hasSize(1);
    }

    @Test
    void anObjectListedAgainWithinTheAgeStartsItsAbsenceAfresh() {
      settings = forgetAfter(Duration.ofHours(1), Set.of());
      poll();
      router.tunnelPresent = false;
      poll();
      now = now.plus(Duration.ofMinutes(50));
      router.tunnelPresent = true;
      poll();
      router.tunnelPresent = false;
      poll();
      now = now.plus(Duration.ofMinutes(50));
      poll();

      assertThat(all).extracting(Event::kind).doesNotContain(EventKind.OBJECT_RETIRED);
      assertThat(state.inventory().get(TUNNEL).firstSeen()).isEqualTo(T0);
    }

    @Test
    void aPeerAndItsFlowGoneLongAreRetiredAndTheirFailuresResolve() {
      settings = forgetAfter(Duration.ofHours(2), Set.of());
      poll();
      router.ikePresent = false;
      router.flowPresent = false;
      poll();
      poll();
      assertThat(state.isOpen(EventKind.PHASE1_FAILURE, PEER)).isTrue();

      now = now.plus(Duration.ofHours(2));
      TrackerStep step = poll();

      assertThat(of(step, EventKind.OBJECT_RETIRED, EventStatus.OCCURRED))
          .extracting(Event::subject)
          .containsExactlyInAnyOrder(PEER, FLOW);
      assertThat(of(step, EventKind.PHASE1_FAILURE, EventStatus.RESOLVED)).hasSize(1);
      assertThat(state.open()).isEmpty();
      assertThat(state.seenPeers()).isEmpty();
      assertThat(state.seenFlows()).isEmpty();
    }
  }
}
