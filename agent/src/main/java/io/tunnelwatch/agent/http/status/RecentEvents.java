package io.tunnelwatch.agent.http.status;

import io.tunnelwatch.agent.events.DeviceMonitor;
import io.tunnelwatch.agent.events.Event;
import io.tunnelwatch.agent.events.EventTracker;
import io.tunnelwatch.agent.history.EventHistory;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** Where the status page reads the latest events from. */
@FunctionalInterface
public interface RecentEvents {

  /**
   * The latest {@code limit} events up to {@code now}, oldest first.
   *
   * @throws RuntimeException when the store cannot be read; the page says so and shows the rest
   */
  List<Event> latest(int limit, Instant now);

  /** From the history store: they survive restarts. */
  static RecentEvents from(EventHistory history) {
    // The history's bound is exclusive: an event stamped this very instant is still shown.
    return (limit, now) -> history.latestEvents(now.plusNanos(1), limit);
  }

  /** What the tracker still holds: the events that opened the conditions now open. */
  static RecentEvents openedIn(EventTracker tracker) {
    return (limit, now) -> {
      List<Event> opened =
          tracker.monitors().stream()
              .map(DeviceMonitor::tracked)
              .flatMap(t -> t.open().values().stream())
              .sorted(Comparator.comparing(Event::at))
              .toList();
      return opened.subList(Math.max(0, opened.size() - limit), opened.size());
    };
  }
}
