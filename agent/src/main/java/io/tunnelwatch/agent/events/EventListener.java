package io.tunnelwatch.agent.events;

/**
 * Receives what the state tracker detects. Implementations (history store, alert dispatcher,
 * metrics) must not throw for one bad event and must return quickly: they run on the poll thread.
 */
public interface EventListener {

  void onEvent(Event event);

  default void onTransition(StateTransition transition) {}

  /**
   * A device is no longer watched (a configuration reload removed it): what is still open for it
   * will never be closed by an event.
   */
  default void onDeviceRemoved(String device) {}

  /**
   * Another agent of the cluster watches the device from now on, continuing from its saved state:
   * what is open for it stays open, and only that agent speaks for it.
   */
  default void onDeviceReleased(String device) {}

  /**
   * This agent of the cluster watches the device from now on, after another one did: what that
   * agent kept for it and had not sent yet (alerts queued in an outage) is this one's to send.
   */
  default void onDeviceAdopted(String device) {}

  /**
   * A condition opened before the agent restarted is still open: {@code opened} is the event that
   * opened it, already recorded then. Nothing new happened, so it is no event; those who keep
   * something firing for open conditions (alerts) take it up again.
   */
  default void onConditionRestored(Event opened) {}
}
