package io.tunnelwatch.core.model;

import java.util.Locale;

/** A transport the agent reads a device over; its lower-case name is the {@code source} label. */
public enum Source {
  SSH,
  SNMP;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
