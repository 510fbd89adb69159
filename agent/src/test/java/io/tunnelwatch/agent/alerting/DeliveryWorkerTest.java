package io.tunnelwatch.agent.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tunnelwatch.agent.metrics.AgentMetrics;
import io.tunnelwatch.core.metrics.MetricContract;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The destination_up gauge behind TunnelwatchAlertDeliveryFailing. */
class DeliveryWorkerTest {

  private static final RetryPolicy FAST_RETRY =
      new RetryPolicy(Duration.ofMillis(20), Duration.ofMillis(50));

  private final AgentMetrics metrics = AgentMetrics.unregistered();
  private final FifoOutbox<String> outbox = new FifoOutbox<>(10);
  private final List<String> delivered = new CopyOnWriteArrayList<>();

  private double destinationUp() {
    return metrics.sum(MetricContract.NOTIFICATIONS_DESTINATION_UP);
  }

  @Test
  void aRejectionMarksTheDestinationDownUntilADeliverySucceeds() {
    Delivery<String> rejectsBad =
        batch -> {
          if (batch.contains("bad")) {
            throw new DeliveryException("HTTP 404", false, null);
          }
          delivered.addAll(batch);
        };
    try (DeliveryWorker<String> worker =
        new DeliveryWorker<>(
            "alertmanager",
            "http://am",
            outbox,
            rejectsBad,
            Correction.none(),
            1,
            FAST_RETRY,
            metrics)) {
      outbox.add("good");
      worker.wake();
      await().atMost(Duration.ofSeconds(5)).until(() -> delivered.contains("good"));
      assertThat(destinationUp()).isEqualTo(1.0);

      outbox.add("bad");
      worker.wake();
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> metrics.sum(MetricContract.NOTIFICATIONS_DROPPED) == 1.0);
      assertThat(destinationUp()).isZero();
      assertThat(outbox.size()).isZero();

      outbox.add("again");
      worker.wake();
      await().atMost(Duration.ofSeconds(5)).until(() -> delivered.contains("again"));
      assertThat(destinationUp()).isEqualTo(1.0);
    }
  }

  @Test
  void aRetryableFailureKeepsTheBatchAndMarksTheDestinationDown() {
    AtomicBoolean reachable = new AtomicBoolean(false);
    Delivery<String> flaky =
        batch -> {
          if (!reachable.get()) {
            throw new DeliveryException("connection refused", true, null);
          }
          delivered.addAll(batch);
        };
    try (DeliveryWorker<String> worker =
        new DeliveryWorker<>(
            "alertmanager",
            "http://am",
            outbox,
            flaky,
            Correction.none(),
            1,
            FAST_RETRY,
            metrics)) {
      outbox.add("kept");
      worker.wake();
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> metrics.sum(MetricContract.NOTIFICATIONS_FAILED) >= 2.0);
      assertThat(destinationUp()).isZero();
      assertThat(outbox.size()).isEqualTo(1);

      reachable.set(true);
      await().atMost(Duration.ofSeconds(5)).until(() -> delivered.contains("kept"));
      assertThat(destinationUp()).isEqualTo(1.0);
      assertThat(metrics.sum(MetricContract.NOTIFICATIONS_DROPPED)).isZero();
    }
  }

  @Test
  void aRefusedBatchIsSentOneByOneAndOnlyTheRefusedNotificationIsDropped() {
    Delivery<String> refusesBatchesWithBad =
        batch -> {
          if (batch.contains("bad")) {
            throw new DeliveryException(
                "HTTP 400: start time must be before end time", false, null);
          }
          delivered.addAll(batch);
        };
    try (DeliveryWorker<String> worker =
        new DeliveryWorker<>(
            "alertmanager",
            "http://am",
            outbox,
            refusesBatchesWithBad,
            Correction.none(),
            10,
            FAST_RETRY,
            metrics)) {
      outbox.add("first");
      outbox.add("bad");
      outbox.add("last");
      worker.wake();
      await().atMost(Duration.ofSeconds(5)).until(() -> delivered.contains("last"));

      assertThat(delivered).containsExactly("first", "last");
      assertThat(metrics.sum(MetricContract.NOTIFICATIONS_DROPPED)).isEqualTo(1.0);
      assertThat(outbox.size()).isZero();
      assertThat(destinationUp()).isEqualTo(1.0);
    }
  }

  @Test
  void aRefusedNotificationIsSentCorrectedOnceAndDroppedOnlyWhenTheCorrectionIsRefusedToo() {
    Delivery<String> refusesUpperCase =
        batch -> {
          if (batch.stream().anyMatch(item -> !item.equals(item.toLowerCase(Locale.ROOT)))) {
            throw new DeliveryException("HTTP 400: invalid label set", false, null);
          }
          delivered.addAll(batch);
        };
    Correction<String> lowerCaseUnlessStillBad =
        (refused, reason) ->
            refused.contains("!")
                ? Optional.of(refused + "?")
                : Optional.of(refused.toLowerCase(Locale.ROOT));
    try (DeliveryWorker<String> worker =
        new DeliveryWorker<>(
            "alertmanager",
            "http://am",
            outbox,
            refusesUpperCase,
            lowerCaseUnlessStillBad,
            10,
            FAST_RETRY,
            metrics)) {
      outbox.add("first");
      outbox.add("FIXABLE");
      outbox.add("BROKEN!");
      outbox.add("last");
      worker.wake();
      await().atMost(Duration.ofSeconds(5)).until(() -> outbox.size() == 0);

      assertThat(delivered).containsExactly("first", "fixable", "last");
      assertThat(metrics.sum(MetricContract.NOTIFICATIONS_DROPPED)).isEqualTo(1.0);
      assertThat(destinationUp()).isEqualTo(1.0);
    }
  }
}
