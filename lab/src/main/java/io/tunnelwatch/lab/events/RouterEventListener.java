package io.tunnelwatch.lab.events;

/**
 * Receives one router's events in the order they happened, on the lab's event thread (never while
 * the simulation is locked, so a listener may read router state).
 */
@FunctionalInterface
public interface RouterEventListener {
  void onEvent(RouterEvent event);
}
