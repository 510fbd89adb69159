package io.tunnelwatch.lab.sim;

import io.tunnelwatch.lab.events.RouterEvent;
import io.tunnelwatch.lab.events.RouterEventListener;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers router events on one thread per link, in the order the link produced them. Events are
 * handed over while the link is locked (which fixes their order) and delivered after it is released
 * (so listeners may read state). The thread starts with the first listener, so links nobody listens
 * to cost nothing.
 */
final class EventDispatcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);

  private final String name;
  private final Map<Side, List<RouterEventListener>> listeners = new EnumMap<>(Side.class);
  private ExecutorService executor;

  EventDispatcher(String name) {
    this.name = name;
    for (Side side : Side.values()) {
      listeners.put(side, new CopyOnWriteArrayList<>());
    }
  }

  synchronized void add(Side side, RouterEventListener listener) {
    if (executor == null) {
      executor =
          Executors.newSingleThreadExecutor(
              r -> {
                Thread t = new Thread(r, "lab-events-" + name);
                t.setDaemon(true);
                return t;
              });
    }
    listeners.get(side).add(listener);
  }

  synchronized void emit(Side side, RouterEvent event) {
    List<RouterEventListener> targets = List.copyOf(listeners.get(side));
    if (targets.isEmpty() || executor == null || executor.isShutdown()) {
      return;
    }
    executor.execute(
        () -> {
          for (RouterEventListener listener : targets) {
            try {
              listener.onEvent(event);
            } catch (RuntimeException e) {
              // One broken listener must not starve the others or stop the simulation.
              LOG.warn("lab event listener failed on {}", event.kind(), e);
            }
          }
        });
  }

  @Override
  public synchronized void close() {
    if (executor != null) {
      executor.shutdownNow();
    }
  }
}
