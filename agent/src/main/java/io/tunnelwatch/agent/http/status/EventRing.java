package io.tunnelwatch.agent.http.status;

import io.tunnelwatch.agent.events.Event;
import io.tunnelwatch.agent.events.EventListener;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The latest events in memory, for an agent that keeps no history: what happened since it started,
 * bounded so that a storm cannot grow it.
 */
public final class EventRing implements EventListener, RecentEvents {

  private final int capacity;
  private final Deque<Event> events = new ArrayDeque<>();

  public EventRing(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
    }
    this.capacity = capacity;
  }

  @Override
  public synchronized void onEvent(Event event) {
    if (events.size() == capacity) {
      events.removeFirst();
    }
    events.addLast(event);
  }

  @Override
  public synchronized List<Event> latest(int limit, Instant now) {
    List<Event> all = new ArrayList<>(events);
    return List.copyOf(all.subList(Math.max(0, all.size() - limit), all.size()));
  }
}
