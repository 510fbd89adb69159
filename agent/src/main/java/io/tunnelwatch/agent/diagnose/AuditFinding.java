package io.tunnelwatch.agent.diagnose;

import java.util.Objects;

/**
 * A cryptographic choice in one device's configuration that should be replaced.
 *
 * @param device the device's name
 * @param level {@code weak} (breakable or below current guidance) or {@code legacy} (still sound
 *     but superseded)
 * @param item what is configured, e.g. {@code ISAKMP policy 10 group 2}
 * @param reason why it is flagged and what to use instead
 * @param line the configuration line that sets it (the section header when IOS's default applies)
 */
public record AuditFinding(String device, String level, String item, String reason, String line) {

  /** Breakable, or below current guidance. */
  public static final String WEAK = "weak";

  /** Still sound but superseded. */
  public static final String LEGACY = "legacy";

  public AuditFinding {
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(line, "line");
  }
}
