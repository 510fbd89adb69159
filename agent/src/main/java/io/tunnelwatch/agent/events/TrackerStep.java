package io.tunnelwatch.agent.events;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of one tracker step: the state to keep, and what to tell the listeners.
 *
 * @param state the device's tracked state after this step
 * @param events events in the order they were detected (resolutions last)
 * @param transitions state changes of tunnels, IKE peers and IPsec flows
 * @param rebooted true when this poll showed the device rebooted (its counters restarted)
 */
public record TrackerStep(
    TrackedDevice state, List<Event> events, List<StateTransition> transitions, boolean rebooted) {

  public TrackerStep {
    Objects.requireNonNull(state, "state");
    events = List.copyOf(events);
    transitions = List.copyOf(transitions);
  }
}
