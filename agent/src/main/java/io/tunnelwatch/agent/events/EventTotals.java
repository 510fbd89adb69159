package io.tunnelwatch.agent.events;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * What the tracker has counted for one device since the agent started: the values of the event
 * counter families (docs/metrics.md).
 *
 * @param events events by kind (openings and occurrences, not resolutions)
 * @param ikeRekeys IKE rekeys by peer
 * @param ipsecRekeys IPsec rekeys by flow reference
 * @param tunnelFlaps up→down transitions by tunnel
 * @param reboots reboots seen
 * @param phase1Failures failed phase-1 attempts by peer
 * @param phase2Failures failed phase-2 attempts by peer
 */
public record EventTotals(
    Map<EventKind, Long> events,
    Map<String, Long> ikeRekeys,
    Map<ObjectRef, Long> ipsecRekeys,
    Map<String, Long> tunnelFlaps,
    long reboots,
    Map<String, Long> phase1Failures,
    Map<String, Long> phase2Failures) {

  public static final EventTotals NONE =
      new EventTotals(Map.of(), Map.of(), Map.of(), Map.of(), 0, Map.of(), Map.of());

  public EventTotals {
    events = Map.copyOf(events);
    ikeRekeys = Map.copyOf(ikeRekeys);
    ipsecRekeys = Map.copyOf(ipsecRekeys);
    tunnelFlaps = Map.copyOf(tunnelFlaps);
    phase1Failures = Map.copyOf(phase1Failures);
    phase2Failures = Map.copyOf(phase2Failures);
  }

  public long events(EventKind kind) {
    return events.getOrDefault(kind, 0L);
  }

  /** A mutable copy for one tracker step. */
  Builder toBuilder() {
    return new Builder(this);
  }

  static final class Builder {
    private final Map<EventKind, Long> events = new EnumMap<>(EventKind.class);
    private final Map<String, Long> ikeRekeys;
    private final Map<ObjectRef, Long> ipsecRekeys;
    private final Map<String, Long> tunnelFlaps;
    private long reboots;
    private final Map<String, Long> phase1Failures;
    private final Map<String, Long> phase2Failures;

    private Builder(EventTotals from) {
      events.putAll(from.events);
      ikeRekeys = new HashMap<>(from.ikeRekeys);
      ipsecRekeys = new HashMap<>(from.ipsecRekeys);
      tunnelFlaps = new HashMap<>(from.tunnelFlaps);
      reboots = from.reboots;
      phase1Failures = new HashMap<>(from.phase1Failures);
      phase2Failures = new HashMap<>(from.phase2Failures);
    }

    void event(EventKind kind) {
      events.merge(kind, 1L, Long::sum);
    }

    void ikeRekey(String peer) {
      ikeRekeys.merge(peer, 1L, Long::sum);
    }

    void ipsecRekey(ObjectRef flow) {
      ipsecRekeys.merge(flow, 1L, Long::sum);
    }

    void tunnelFlap(String tunnel) {
      tunnelFlaps.merge(tunnel, 1L, Long::sum);
    }

    void reboot() {
      reboots++;
    }

    void phase1Failures(String peer, long count) {
      phase1Failures.merge(peer, count, Long::sum);
    }

    void phase2Failures(String peer, long count) {
      phase2Failures.merge(peer, count, Long::sum);
    }

    /** Drops the counts of a retired object, so that its series disappear. */
    void forget(ObjectRef object) {
      switch (object.kind()) {
        case TUNNEL -> tunnelFlaps.remove(object.tunnel().orElseThrow());
        case IKE_PEER -> {
          String peer = object.peer().orElseThrow();
          ikeRekeys.remove(peer);
          phase1Failures.remove(peer);
          phase2Failures.remove(peer);
        }
        case IPSEC_FLOW -> ipsecRekeys.remove(object);
        case DEVICE -> {}
      }
    }

    EventTotals build() {
      return new EventTotals(
          events, ikeRekeys, ipsecRekeys, tunnelFlaps, reboots, phase1Failures, phase2Failures);
    }
  }
}
