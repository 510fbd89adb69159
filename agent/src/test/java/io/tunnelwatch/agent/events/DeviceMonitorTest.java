package io.tunnelwatch.agent.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunnelwatch.core.counters.CounterField;
import io.tunnelwatch.core.counters.SeriesKey;
import io.tunnelwatch.core.model.Observation;
import io.tunnelwatch.core.model.ObservationKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeviceMonitorTest {

  private static final Instant T0 = Instant.parse("2026-11-28T12:00:00Z");

  private final List<Event> heard = new ArrayList<>();
  private final DeviceMonitor monitor =
      new DeviceMonitor(
          "R1",
          TrackerSettings.DEFAULTS,
          heard::add,
          Clock.fixed(T0, ZoneOffset.UTC),
          DeviceStateStore.none());
  private final Router router = new Router();

  private long encrypted(DeviceMonitor.Published published) {
    return published.snapshot().ipsecFlows().get(0).counters().encrypted().orElseThrow();
  }

  @Test
  void publishesStitchedCountersWithTheTimeTheSeriesBegan() {
    DeviceMonitor.Published first = monitor.onSuccess(router.at(T0));
    router.encrypted = 20; // clear crypto sa
    DeviceMonitor.Published second = monitor.onSuccess(router.at(T0.plusSeconds(30)));

    assertThat(encrypted(first)).isEqualTo(500);
    assertThat(encrypted(second)).isEqualTo(520);
    assertThat(second.counterCreated())
        .containsEntry(SeriesKey.flow(Router.PEER, Router.FLOW, CounterField.IPSEC_ENCRYPTED), T0);
  }

  @Test
  void afterARebootEveryCounterRestartsEvenIfItAlreadyPassedItsOldValue() {
    router.uptime = Optional.of(Duration.ofDays(10));
    monitor.onSuccess(router.at(T0));
    router.uptime = Optional.of(Duration.ofMinutes(20));
    router.encrypted = 900;
    router.decrypted = 800;
    DeviceMonitor.Published rebooted = monitor.onSuccess(router.at(T0.plusSeconds(1800)));

    assertThat(encrypted(rebooted)).isEqualTo(1400);
    assertThat(heard).extracting(Event::kind).containsExactly(EventKind.DEVICE_REBOOT);
    assertThat(monitor.tracked().totals().reboots()).isEqualTo(1);
  }

  @Test
  void aFlowRebuiltAfterVanishingRestartsItsCounters() {
    monitor.onSuccess(router.at(T0));
    router.flowPresent = false;
    monitor.onSuccess(router.at(T0.plusSeconds(30)));
    router.flowPresent = true;
    router.encrypted = 700;
    DeviceMonitor.Published back = monitor.onSuccess(router.at(T0.plusSeconds(60)));

    assertThat(encrypted(back)).isEqualTo(1200);
  }

  @Test
  void failedPollsUseTheClockAndReachTheListener() {
    monitor.onSuccess(router.at(T0));
    for (int i = 0; i < 3; i++) {
      monitor.onFailure("timeout");
    }

    assertThat(heard)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(EventKind.DEVICE_UNREACHABLE);
              assertThat(e.at()).isEqualTo(T0);
            });
  }

  @Test
  void aNegotiationNotEstablishedAwaitsConfirmationUntilTheFailureOpens() {
    monitor.onSuccess(router.at(T0));
    assertThat(monitor.awaitsConfirmation()).isFalse();

    router.ikeState = "MM_NO_STATE";
    router.ikeEstablished = false;
    monitor.onSuccess(router.at(T0.plusSeconds(30)));
    assertThat(monitor.awaitsConfirmation()).isTrue();

    monitor.onSuccess(router.at(T0.plusSeconds(35)));
    assertThat(heard).extracting(Event::kind).contains(EventKind.PHASE1_FAILURE);
    assertThat(monitor.awaitsConfirmation()).isFalse();
  }

  @Test
  void aPollThatBeganBeforeATrapCanNeverResolveWhatTheTrapOpenedBeforeItOpened() {
    monitor.onSuccess(router.at(T0));
    Instant trapArrived = T0.plusSeconds(31);
    monitor.observe(
        new Observation(
            Router.DEVICE,
            trapArrived,
            ObservationKind.LINK_DOWN,
            Optional.empty(),
            Optional.of(Router.TUNNEL),
            "linkDown ifIndex 7"));
    // The next poll started (and was stamped) a second before the trap arrived, and still saw
    // the tunnel up: it resolves the trap's condition, but not before it was opened.
    monitor.onSuccess(router.at(T0.plusSeconds(30)));

    List<Event> tunnelDown = heard.stream().filter(e -> e.kind() == EventKind.TUNNEL_DOWN).toList();
    assertThat(tunnelDown)
        .extracting(Event::status)
        .containsExactly(EventStatus.OPENED, EventStatus.RESOLVED);
    assertThat(tunnelDown.get(1).at()).isAfterOrEqualTo(tunnelDown.get(0).at());
    assertThat(tunnelDown.get(0).at()).isEqualTo(trapArrived);
  }
}
