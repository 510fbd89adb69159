package io.tunnelwatch.agent.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunnelwatch.core.model.Observation;
import io.tunnelwatch.core.model.ObservationKind;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventTrackerTest {

  private static final Instant AT = Instant.parse("2026-11-28T12:00:00Z");

  private final List<Event> heard = new ArrayList<>();
  private final EventTracker tracker;

  EventTrackerTest() {
    Map<String, TrackerSettings> settings = new LinkedHashMap<>();
    settings.put("R1", TrackerSettings.DEFAULTS);
    settings.put("R2", TrackerSettings.DEFAULTS);
    tracker =
        new EventTracker(
            settings, heard::add, Clock.fixed(AT, ZoneOffset.UTC), DeviceStateStore.none());
  }

  private static Observation linkDown(String device) {
    return new Observation(
        device,
        AT,
        ObservationKind.LINK_DOWN,
        Optional.empty(),
        Optional.of("Tunnel10"),
        "linkDown ifIndex 14");
  }

  @Test
  void aNotificationGoesToItsDevice() {
    // A notification is about something a poll has shown: R1's Tunnel10.
    tracker.monitor("R1").orElseThrow().onSuccess(new Router().at(AT));
    tracker.observe(linkDown("R1"));

    assertThat(heard)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.subject()).isEqualTo(ObjectRef.tunnel("R1", "Tunnel10"));
              assertThat(e.kind()).isEqualTo(EventKind.TUNNEL_DOWN);
              assertThat(e.status()).isEqualTo(EventStatus.OPENED);
            });
    assertThat(tracker.monitor("R2").orElseThrow().tracked().open()).isEmpty();
  }

  @Test
  void aNotificationFromAnUnconfiguredDeviceIsRefusedNamingTheConfiguredOnes() {
    assertThatThrownBy(() -> tracker.observe(linkDown("R9")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'R9'")
        .hasMessageContaining("[R1, R2]");
    assertThat(heard).isEmpty();
  }
}
