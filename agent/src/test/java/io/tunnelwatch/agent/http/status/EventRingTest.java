package io.tunnelwatch.agent.http.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunnelwatch.agent.events.Event;
import io.tunnelwatch.agent.events.EventKind;
import io.tunnelwatch.agent.events.EventStatus;
import io.tunnelwatch.agent.events.ObjectRef;
import io.tunnelwatch.agent.events.Severity;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventRingTest {

  private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

  private static Event rekey(int second) {
    return new Event(
        T0.plusSeconds(second),
        ObjectRef.peer("R1", "200.0.0.1"),
        EventKind.IKE_REKEY,
        EventStatus.OCCURRED,
        Severity.INFO,
        "rekey " + second,
        List.of());
  }

  @Test
  void keepsTheLatestUpToItsCapacityOldestFirst() {
    EventRing ring = new EventRing(3);
    for (int i = 0; i < 5; i++) {
      ring.onEvent(rekey(i));
    }

    assertThat(ring.latest(10, T0))
        .extracting(Event::summary)
        .containsExactly("rekey 2", "rekey 3", "rekey 4");
    assertThat(ring.latest(2, T0)).extracting(Event::summary).containsExactly("rekey 3", "rekey 4");
  }

  @Test
  void refusesAnEmptyRing() {
    assertThatThrownBy(() -> new EventRing(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
