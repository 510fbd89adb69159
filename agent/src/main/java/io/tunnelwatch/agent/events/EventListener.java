package io.tunnelwatch.agent.events;

/**
 * Receives what the state tracker detects. Implementations (history store, alert dispatcher,
 * metrics) must not throw for one bad event and must return quickly: they run on the poll thread.
 */
public interface EventListener {

  void onEvent(Event event);

  default void onTransition(StateTransition transition) {}
}
