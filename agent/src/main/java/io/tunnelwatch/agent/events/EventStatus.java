package io.tunnelwatch.agent.events;

/** Where an event stands: a condition opens and resolves; anything else just occurs. */
public enum EventStatus {
  OPENED,
  RESOLVED,
  OCCURRED
}
