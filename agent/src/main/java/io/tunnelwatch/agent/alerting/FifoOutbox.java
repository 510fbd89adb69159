package io.tunnelwatch.agent.alerting;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * Items delivered in order, each once. Bounded: when full, the oldest item makes room and is
 * counted as dropped, so that a long outage cannot exhaust the agent's memory.
 */
final class FifoOutbox<T> implements Outbox<T> {

  private final Deque<T> waiting = new ArrayDeque<>();
  private final int capacity;

  FifoOutbox(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("expected a capacity of at least 1, got " + capacity);
    }
    this.capacity = capacity;
  }

  /** Adds an item; returns true when the oldest item had to be dropped for it. */
  synchronized boolean add(T item) {
    boolean dropped = false;
    if (waiting.size() == capacity) {
      waiting.removeFirst();
      dropped = true;
    }
    waiting.addLast(item);
    return dropped;
  }

  @Override
  public synchronized List<T> peek(int max) {
    List<T> batch = new ArrayList<>();
    Iterator<T> it = waiting.iterator();
    while (it.hasNext() && batch.size() < max) {
      batch.add(it.next());
    }
    return batch;
  }

  @Override
  public synchronized void acknowledge(List<T> delivered) {
    // By identity: an equal item added later is a separate notification and must stay.
    for (T item : delivered) {
      waiting.removeIf(w -> w == item);
    }
  }

  @Override
  public synchronized int size() {
    return waiting.size();
  }
}
