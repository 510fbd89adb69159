package io.tunnelwatch.agent.alerting;

import java.util.List;

/**
 * The alert outboxes, kept across restarts: an alert queued for a destination stays in the journal
 * until that destination accepted it. Without it a resolve queued while Alertmanager was
 * unreachable would die with the process, and its alert would stay firing until Alertmanager's
 * {@code resolve_timeout}. Implementations never throw: a journal that fails is logged by them, and
 * delivery goes on from memory.
 */
public interface OutboxJournal {

  /** Keeps the alert as its condition's latest state waiting for the destination. */
  void keep(String destination, Alert alert);

  /** The destination accepted these alerts: forget each unless a newer state replaced it. */
  void delivered(String destination, List<Alert> alerts);

  /** What was waiting for the destination when the agent stopped, oldest first. */
  List<Alert> waiting(String destination);

  /** Keeps nothing (no history store configured). */
  static OutboxJournal none() {
    return new OutboxJournal() {
      @Override
      public void keep(String destination, Alert alert) {}

      @Override
      public void delivered(String destination, List<Alert> alerts) {}

      @Override
      public List<Alert> waiting(String destination) {
        return List.of();
      }
    };
  }
}
