package io.tunnelwatch.agent.events;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Rekey bookkeeping and the renegotiation-storm rule shared by IKE peers and IPsec flows. */
final class Storms {

  private Storms() {}

  /** Remembers a rekey of the subject now. */
  static void rekeyed(Work work, ObjectRef subject) {
    List<Instant> times = new ArrayList<>(work.rekeys.getOrDefault(subject, List.of()));
    times.add(work.at);
    work.rekeys.put(subject, times);
  }

  /**
   * Forgets rekeys older than the window and holds a storm when more remain than both the threshold
   * and the lifetime explain.
   */
  static void judge(Work work, ObjectRef subject, Duration lifetime) {
    Instant horizon = work.at.minus(work.settings.stormWindow());
    List<Instant> recent =
        work.rekeys.getOrDefault(subject, List.of()).stream()
            .filter(t -> t.isAfter(horizon))
            .toList();
    if (recent.isEmpty()) {
      work.rekeys.remove(subject);
      return;
    }
    work.rekeys.put(subject, recent);
    long explained = work.settings.explainedRekeys(lifetime);
    long limit = Math.max(work.settings.stormRekeys(), explained);
    if (recent.size() > limit) {
      work.holds(
          new Finding(
              EventKind.RENEGOTIATION_STORM,
              subject,
              Summaries.storm(
                  work.device, subject, recent.size(), work.settings.stormWindow(), explained),
              List.of(
                  new Evidence(
                      "rekeys in " + Summaries.duration(work.settings.stormWindow()),
                      "at most " + limit,
                      Integer.toString(recent.size())),
                  new Evidence("configured lifetime", "", Summaries.duration(lifetime)))));
    }
  }
}
