package io.tunnelwatch.agent.events;

import io.tunnelwatch.core.model.DeviceSnapshot;
import io.tunnelwatch.core.model.FailurePhase;
import io.tunnelwatch.core.model.SaFailure;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * New negotiation failures a device reports between two polls, by peer: from its failure records
 * (which name the peer) and its failure counters (which do not; the growth beyond the new records
 * goes to the one peer now failing, or to {@code unknown}).
 */
final class FailureAccounting {

  static final String UNKNOWN_PEER = "unknown";

  private FailureAccounting() {}

  /** True when the device keeps its own counter for the phase, so polls need not infer failures. */
  static boolean counted(DeviceSnapshot now, FailurePhase phase) {
    return counter(now, phase).isPresent();
  }

  static Map<String, Long> newFailures(
      Optional<DeviceSnapshot> previous,
      DeviceSnapshot now,
      FailurePhase phase,
      Set<String> failingPeers) {
    Map<String, Long> byPeer = new HashMap<>();
    if (previous.isEmpty()) {
      return byPeer; // failures from before the agent looked are history, not news
    }
    String fallback = failingPeers.size() == 1 ? failingPeers.iterator().next() : UNKNOWN_PEER;
    long seenBefore =
        previous.get().failures().stream()
            .filter(f -> f.phase() == phase)
            .mapToLong(SaFailure::id)
            .max()
            .orElse(-1);
    List<SaFailure> fresh =
        now.failures().stream().filter(f -> f.phase() == phase && f.id() > seenBefore).toList();
    fresh.forEach(f -> byPeer.merge(f.peer().orElse(fallback), 1L, Long::sum));
    OptionalLong before = counter(previous.get(), phase);
    OptionalLong after = counter(now, phase);
    if (before.isPresent() && after.isPresent()) {
      long growth =
          after.getAsLong() >= before.getAsLong()
              ? after.getAsLong() - before.getAsLong()
              : after.getAsLong();
      long unexplained = growth - fresh.size();
      if (unexplained > 0) {
        byPeer.merge(fallback, unexplained, Long::sum);
      }
    }
    return byPeer;
  }

  private static OptionalLong counter(DeviceSnapshot snapshot, FailurePhase phase) {
    return phase == FailurePhase.PHASE1
        ? snapshot.failureCounters().phase1()
        : snapshot.failureCounters().phase2();
  }
}
