package io.tunnelwatch.agent.events;

/** What an event or a state transition is about. */
public enum ObjectKind {
  DEVICE,
  TUNNEL,
  IKE_PEER,
  IPSEC_FLOW
}
