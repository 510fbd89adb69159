package io.tunnelwatch.agent.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * The event vocabulary of docs/events.md. A condition lasts (it opens and later resolves, and it is
 * what alerts are made of); the others are single occurrences that are counted and recorded.
 */
public enum EventKind {
  IKE_REKEY("ike_rekey", Severity.INFO, false),
  IPSEC_REKEY("ipsec_rekey", Severity.INFO, false),
  RENEGOTIATION_STORM("renegotiation_storm", Severity.WARNING, true),
  PHASE1_FAILURE("phase1_failure", Severity.CRITICAL, true),
  PHASE2_FAILURE("phase2_failure", Severity.CRITICAL, true),
  COUNTERS_STALLED("counters_stalled", Severity.WARNING, true),
  ONE_WAY_TRAFFIC("one_way_traffic", Severity.WARNING, true),
  TUNNEL_DOWN("tunnel_down", Severity.CRITICAL, true),
  TUNNEL_FLAP("tunnel_flap", Severity.WARNING, false),
  DEVICE_UNREACHABLE("device_unreachable", Severity.CRITICAL, true),
  DEVICE_REBOOT("device_reboot", Severity.WARNING, false),
  HIGH_CPU("high_cpu", Severity.WARNING, true),
  OBJECT_RETIRED("object_retired", Severity.INFO, false);

  private final String wireName;
  private final Severity defaultSeverity;
  private final boolean condition;

  EventKind(String wireName, Severity defaultSeverity, boolean condition) {
    this.wireName = wireName;
    this.defaultSeverity = defaultSeverity;
    this.condition = condition;
  }

  /** The name used in metrics labels, the history store, alerts and reports. */
  public String wireName() {
    return wireName;
  }

  public Severity defaultSeverity() {
    return defaultSeverity;
  }

  /** True when the kind opens and later resolves rather than happening once. */
  public boolean isCondition() {
    return condition;
  }

  public static Optional<EventKind> fromWireName(String name) {
    return Arrays.stream(values()).filter(k -> k.wireName.equals(name)).findFirst();
  }
}
