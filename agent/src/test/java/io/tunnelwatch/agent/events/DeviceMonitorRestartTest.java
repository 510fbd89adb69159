package io.tunnelwatch.agent.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunnelwatch.core.counters.CounterField;
import io.tunnelwatch.core.counters.SeriesKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A monitor continuing from a saved state, as after a restart of the agent. */
class DeviceMonitorRestartTest {

  private static final Instant T0 = Instant.parse("2026-11-28T12:00:00Z");

  private final SettableClock clock = new SettableClock(T0);
  private final MemoryStore store = new MemoryStore();
  private final Router router = new Router();

  /** What one run of the agent heard, opened and restored. */
  private static final class Run implements EventListener {
    final List<Event> events = new ArrayList<>();
    final List<Event> restored = new ArrayList<>();

    @Override
    public void onEvent(Event event) {
      events.add(event);
    }

    @Override
    public void onConditionRestored(Event opened) {
      restored.add(opened);
    }

    List<Event> of(EventKind kind) {
      return events.stream().filter(e -> e.kind() == kind).toList();
    }
  }

  private DeviceMonitor start(Run run) {
    EventTracker tracker =
        new EventTracker(Map.of(Router.DEVICE, TrackerSettings.DEFAULTS), run, clock, store);
    return tracker.monitor(Router.DEVICE).orElseThrow();
  }

  private DeviceMonitor.Published poll(DeviceMonitor monitor, long secondsAfterT0) {
    Instant at = T0.plusSeconds(secondsAfterT0);
    clock.set(at);
    return monitor.onSuccess(router.at(at));
  }

  private void failPhase1() {
    router.ikeState = "MM_NO_STATE";
    router.ikeEstablished = false;
    router.flowPresent = false;
  }

  private void healPhase1() {
    router.ikeState = "QM_IDLE";
    router.ikeEstablished = true;
    router.flowPresent = true;
  }

  @Test
  void aConditionOpenBeforeTheRestartStaysOpenWithoutASecondOpening() {
    Run before = new Run();
    DeviceMonitor first = start(before);
    poll(first, 0);
    failPhase1();
    poll(first, 30);
    poll(first, 60);
    assertThat(before.of(EventKind.PHASE1_FAILURE))
        .extracting(Event::status)
        .containsExactly(EventStatus.OPENED);

    // SIGKILL: nothing but what was saved along the way survives.
    Run after = new Run();
    DeviceMonitor second = start(after);
    assertThat(after.restored)
        .extracting(Event::kind)
        .contains(EventKind.PHASE1_FAILURE)
        .doesNotHaveDuplicates();
    poll(second, 120);
    poll(second, 150);
    assertThat(after.of(EventKind.PHASE1_FAILURE)).isEmpty();

    healPhase1();
    poll(second, 180);
    assertThat(after.of(EventKind.PHASE1_FAILURE))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.status()).isEqualTo(EventStatus.RESOLVED);
              assertThat(e.at()).isEqualTo(T0.plusSeconds(180));
            });
  }

  @Test
  void aFaultHealedWhileTheAgentWasDownIsResolvedByTheFirstPoll() {
    Run before = new Run();
    DeviceMonitor first = start(before);
    poll(first, 0);
    failPhase1();
    poll(first, 30);
    poll(first, 60);

    healPhase1();
    Run after = new Run();
    DeviceMonitor second = start(after);
    poll(second, 600);

    assertThat(after.of(EventKind.PHASE1_FAILURE))
        .extracting(Event::status)
        .containsExactly(EventStatus.RESOLVED);
  }

  @Test
  void aTunnelThatWasUpAndIsGoneAfterTheRestartIsDown() {
    Run before = new Run();
    poll(start(before), 0);

    router.tunnelPresent = false;
    Run after = new Run();
    DeviceMonitor second = start(after);
    DeviceMonitor.Published published = poll(second, 60);

    assertThat(after.of(EventKind.TUNNEL_DOWN))
        .singleElement()
        .satisfies(e -> assertThat(e.status()).isEqualTo(EventStatus.OPENED));
    assertThat(second.tracked().states())
        .containsEntry(ObjectRef.tunnel(Router.DEVICE, Router.TUNNEL), ObjectState.DOWN);
    // Published as down, without counters the router no longer shows.
    assertThat(published.snapshot().tunnels())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.name()).isEqualTo(Router.TUNNEL);
              assertThat(t.lineProtocolUp()).isFalse();
              assertThat(t.destinationAddress()).isEqualTo(Router.PEER);
              assertThat(t.counters().receivePackets()).isEmpty();
            });
  }

  @Test
  void stitchedCountersContinueAcrossTheRestartFromTheLastSave() {
    DeviceMonitor first = start(new Run());
    poll(first, 0);
    router.encrypted = 20; // clear crypto sa: the stitched total goes on from 500
    poll(first, DeviceStateStore.DEFAULT_UNCHANGED_SAVE_INTERVAL.toSeconds());
    router.encrypted = 70; // not saved: within the interval and nothing changed
    poll(first, DeviceStateStore.DEFAULT_UNCHANGED_SAVE_INTERVAL.toSeconds() + 10);

    DeviceMonitor second = start(new Run());
    router.encrypted = 100;
    DeviceMonitor.Published published = poll(second, 300);

    // 500, then 20 more after the reset, then 80 more: a fresh start would say 100.
    assertThat(published.snapshot().ipsecFlows().get(0).counters().encrypted()).hasValue(600);
    SeriesKey encrypted = SeriesKey.flow(Router.PEER, Router.FLOW, CounterField.IPSEC_ENCRYPTED);
    assertThat(published.counterCreated()).containsEntry(encrypted, T0);
    assertThat(second.startedAt()).isEqualTo(T0);
  }

  @Test
  void savesOnEveryChangeAndOtherwiseOncePerSaveInterval() {
    DeviceMonitor monitor = start(new Run());
    poll(monitor, 0);
    poll(monitor, 10);
    poll(monitor, 20);
    assertThat(store.saves).isEqualTo(1);

    poll(monitor, DeviceStateStore.DEFAULT_UNCHANGED_SAVE_INTERVAL.toSeconds());
    assertThat(store.saves).isEqualTo(2);

    failPhase1();
    poll(monitor, DeviceStateStore.DEFAULT_UNCHANGED_SAVE_INTERVAL.toSeconds() + 1);
    assertThat(store.saves).isEqualTo(3);
  }

  @Test
  void aDeviceRemovedFromTheConfigurationIsForgottenByTheStore() {
    Run run = new Run();
    EventTracker tracker =
        new EventTracker(Map.of(Router.DEVICE, TrackerSettings.DEFAULTS), run, clock, store);
    tracker.monitor(Router.DEVICE).orElseThrow().onSuccess(router.at(T0));
    assertThat(store.load(Router.DEVICE)).isPresent();

    tracker.forget(Router.DEVICE);

    assertThat(store.load(Router.DEVICE)).isEmpty();
  }

  /** The store as the database would keep it: the latest save per device. */
  private static final class MemoryStore implements DeviceStateStore {
    private final Map<String, SavedDeviceState> saved = new HashMap<>();
    int saves;

    @Override
    public Optional<SavedDeviceState> load(String device) {
      return Optional.ofNullable(saved.get(device));
    }

    @Override
    public void save(SavedDeviceState state) {
      saves++;
      saved.put(state.device(), state);
    }

    @Override
    public void remove(String device) {
      saved.remove(device);
    }
  }

  private static final class SettableClock extends Clock {
    private Instant now;

    SettableClock(Instant now) {
      this.now = now;
    }

    void set(Instant instant) {
      now = instant;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
