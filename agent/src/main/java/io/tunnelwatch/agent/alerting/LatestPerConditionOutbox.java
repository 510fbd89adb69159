package io.tunnelwatch.agent.alerting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Alerts waiting for one Alertmanager, one per condition: a newer state of the same condition
 * replaces the waiting one, so an outage ends with each condition's latest state sent once.
 */
final class LatestPerConditionOutbox implements Outbox<Alert> {

  private final Map<String, Alert> waiting = new LinkedHashMap<>();
  private final String destination;
  private final OutboxJournal journal;

  /** Starts with what the journal kept waiting for the destination before a restart. */
  LatestPerConditionOutbox(String destination, OutboxJournal journal) {
    this.destination = destination;
    this.journal = journal;
    journal.waiting(destination).forEach(alert -> waiting.put(alert.key(), alert));
  }

  /** A new state of the condition (opened, resolved): journaled until delivered. */
  synchronized void put(Alert alert) {
    waiting.remove(alert.key()); // re-insert at the end: order of the latest change
    waiting.put(alert.key(), alert);
    journal.keep(destination, alert);
  }

  /**
   * Adds the alert unless a state of its condition is already waiting (that one is newer). Used for
   * re-sends of firing alerts, which a restart rebuilds from the open conditions: not journaled.
   */
  synchronized void putIfAbsent(Alert alert) {
    waiting.putIfAbsent(alert.key(), alert);
  }

  /**
   * Takes up what another agent journaled for the device's conditions and did not deliver: in a
   * cluster, the member that polled the device before this one, when it died in an outage of the
   * destination. A state of the same condition already waiting here is newer and stays.
   */
  synchronized void adopt(String device) {
    for (Alert alert : journal.waiting(destination)) {
      if (device.equals(alert.labels().get("device"))) {
        waiting.putIfAbsent(alert.key(), alert);
      }
    }
  }

  @Override
  public synchronized List<Alert> peek(int max) {
    List<Alert> batch = new ArrayList<>(Math.min(max, waiting.size()));
    for (Alert alert : waiting.values()) {
      if (batch.size() == max) {
        break;
      }
      batch.add(alert);
    }
    return batch;
  }

  @Override
  public synchronized void acknowledge(List<Alert> delivered) {
    for (Alert alert : delivered) {
      waiting.remove(alert.key(), alert);
    }
    journal.delivered(destination, delivered);
  }

  @Override
  public synchronized int size() {
    return waiting.size();
  }
}
