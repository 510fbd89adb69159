package io.tunnelwatch.agent.events;

/** The state of a tunnel, IKE peer or IPsec flow as availability reports count it. */
public enum ObjectState {
  UP,
  DOWN,
  UNKNOWN
}
