package io.tunnelwatch.agent.diagnose;

import java.util.Locale;

/** What became of one rung. */
public enum RungStatus {
  PASSED,
  FAILED,
  /** Not checked: a rung below failed in a way that makes this one meaningless. */
  NOT_CHECKED;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
