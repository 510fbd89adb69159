package io.tunnelwatch.agent.events;

import java.util.Locale;

/** How urgently a person should look; the label is what Alertmanager routes on. */
public enum Severity {
  INFO,
  WARNING,
  CRITICAL;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
