package io.tunnelwatch.snmp.mib;

import java.util.OptionalLong;

/** Remaining lifetime from a negotiated lifetime and the time already active. */
final class Lifetimes {

  private Lifetimes() {}

  static OptionalLong remaining(OptionalLong lifetimeSeconds, OptionalLong activeSeconds) {
    if (lifetimeSeconds.isEmpty() || activeSeconds.isEmpty()) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(Math.max(0, lifetimeSeconds.getAsLong() - activeSeconds.getAsLong()));
  }
}
