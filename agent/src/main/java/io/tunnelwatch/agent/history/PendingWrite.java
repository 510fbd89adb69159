package io.tunnelwatch.agent.history;

import io.tunnelwatch.agent.events.Event;
import io.tunnelwatch.agent.events.StateTransition;

/** A record that a listener call could not write yet; kept in memory until the store works. */
sealed interface PendingWrite {

  /** Writes the record; throws like {@link EventWrites} when the store still fails. */
  void writeTo(EventWrites writes);

  record PendingEvent(Event event) implements PendingWrite {
    @Override
    public void writeTo(EventWrites writes) {
      writes.append(event);
    }
  }

  record PendingTransition(StateTransition transition) implements PendingWrite {
    @Override
    public void writeTo(EventWrites writes) {
      writes.append(transition);
    }
  }
}
