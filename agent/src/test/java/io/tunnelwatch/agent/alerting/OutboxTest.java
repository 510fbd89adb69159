package io.tunnelwatch.agent.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OutboxTest {

  private static Alert alert(String key, String summary, Optional<Instant> endsAt) {
    return new Alert(
        key,
        Map.of("alertname", "X"),
        Map.of("summary", summary),
        "http://monitor1:9417/#device-R1",
        Instant.parse("2026-11-28T10:00:00Z"),
        endsAt);
  }

  @Test
  void theLatestStateOfAConditionReplacesTheWaitingOne() {
    LatestPerConditionOutbox outbox = new LatestPerConditionOutbox("am", OutboxJournal.none());
    outbox.put(alert("a", "open", Optional.empty()));
    outbox.put(alert("b", "open", Optional.empty()));
    Alert resolvedA = alert("a", "resolved", Optional.of(Instant.parse("2026-11-28T11:00:00Z")));
    outbox.put(resolvedA);
    outbox.putIfAbsent(alert("a", "resend of an older state", Optional.empty()));

    assertThat(outbox.peek(10)).extracting(Alert::key).containsExactly("b", "a");
    assertThat(outbox.peek(10).get(1)).isEqualTo(resolvedA);
  }

  @Test
  void acknowledgingKeepsAStateThatArrivedDuringTheSend() {
    LatestPerConditionOutbox outbox = new LatestPerConditionOutbox("am", OutboxJournal.none());
    outbox.put(alert("a", "open", Optional.empty()));
    List<Alert> inFlight = outbox.peek(10);
    Alert newer = alert("a", "resolved", Optional.of(Instant.parse("2026-11-28T11:00:00Z")));
    outbox.put(newer);

    outbox.acknowledge(inFlight);

    assertThat(outbox.peek(10)).containsExactly(newer);
  }

  @Test
  void fifoDeliversInOrderAndDropsTheOldestWhenFull() {
    FifoOutbox<String> outbox = new FifoOutbox<>(3);
    assertThat(outbox.add("e1")).isFalse();
    outbox.add("e2");
    outbox.add("e3");
    assertThat(outbox.add("e4")).isTrue();

    List<String> batch = outbox.peek(2);
    assertThat(batch).containsExactly("e2", "e3");
    outbox.acknowledge(batch);
    assertThat(outbox.peek(10)).containsExactly("e4");
    assertThat(outbox.size()).isEqualTo(1);
  }

  @Test
  void fifoAcknowledgesByIdentitySoThatAnEqualLaterItemStays() {
    FifoOutbox<String> outbox = new FifoOutbox<>(10);
    String first = new String("same");
    String second = new String("same");
    outbox.add(first);
    outbox.add(second);

    outbox.acknowledge(List.of(first));

    assertThat(outbox.peek(10)).hasSize(1).allMatch(s -> s == second);
  }

  @Test
  void backOffDoublesUpToTheCap() {
    RetryPolicy retry = new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(10));
    assertThat(retry.delayAfter(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(retry.delayAfter(2)).isEqualTo(Duration.ofSeconds(2));
    assertThat(retry.delayAfter(4)).isEqualTo(Duration.ofSeconds(8));
    assertThat(retry.delayAfter(5)).isEqualTo(Duration.ofSeconds(10));
    assertThat(retry.delayAfter(1000)).isEqualTo(Duration.ofSeconds(10));
  }

  /** A journal as the store keeps it: rows per destination and condition. */
  private static final class MemoryJournal implements OutboxJournal {
    final Map<String, Alert> rows = new LinkedHashMap<>();

    @Override
    public void keep(String destination, Alert alert) {
      rows.put(destination + " " + alert.key(), alert);
    }

    @Override
    public void delivered(String destination, List<Alert> alerts) {
      alerts.forEach(a -> rows.remove(destination + " " + a.key(), a));
    }

    @Override
    public List<Alert> waiting(String destination) {
      return rows.entrySet().stream()
          .filter(e -> e.getKey().startsWith(destination + " "))
          .map(Map.Entry::getValue)
          .toList();
    }
  }

  @Test
  void whatWasWaitingWhenTheAgentStoppedIsWaitingAfterTheRestart() {
    MemoryJournal journal = new MemoryJournal();
    LatestPerConditionOutbox before = new LatestPerConditionOutbox("am", journal);
    Alert resolved = alert("a", "resolved", Optional.of(Instant.parse("2026-11-28T11:00:00Z")));
    before.put(alert("a", "open", Optional.empty()));
    before.acknowledge(before.peek(10));
    before.put(resolved);
    before.putIfAbsent(alert("b", "resend of a firing alert", Optional.empty()));

    LatestPerConditionOutbox after = new LatestPerConditionOutbox("am", journal);

    assertThat(after.peek(10)).containsExactly(resolved);
    assertThat(new LatestPerConditionOutbox("other-am", journal).size()).isZero();
    after.acknowledge(after.peek(10));
    assertThat(journal.rows).isEmpty();
  }

  @Test
  void aMemberTakingADeviceOverDeliversWhatTheDeadOneJournaledForItOnly() {
    MemoryJournal journal = new MemoryJournal();
    // Both members started before the outage of Alertmanager; one of them dies during it.
    LatestPerConditionOutbox survivor = new LatestPerConditionOutbox("am", journal);
    LatestPerConditionOutbox dead = new LatestPerConditionOutbox("am", journal);
    Alert resolvedOnR1 = deviceAlert("R1/tunnel_down", "R1", "resolved during the outage");
    Alert olderOnR1 = deviceAlert("R1/phase1_failure", "R1", "older, from the dead member");
    Alert firingOnR2 = deviceAlert("R2/tunnel_down", "R2", "a device the dead member kept");
    dead.put(resolvedOnR1);
    dead.put(olderOnR1);
    dead.put(firingOnR2);
    // Taking R1 over, the survivor restores its open condition first: that state is newer.
    Alert restoredOnR1 = deviceAlert("R1/phase1_failure", "R1", "restored by the survivor");
    survivor.put(restoredOnR1);

    survivor.adopt("R1");

    assertThat(survivor.peek(10)).containsExactly(restoredOnR1, resolvedOnR1);
    survivor.acknowledge(survivor.peek(10));
    assertThat(journal.rows.values()).containsExactly(firingOnR2);
  }

  private static Alert deviceAlert(String key, String device, String summary) {
    return new Alert(
        key,
        Map.of("alertname", "X", "device", device),
        Map.of("summary", summary),
        "http://monitor1:9417/#device-" + device,
        Instant.parse("2026-11-28T10:00:00Z"),
        Optional.empty());
  }
}
