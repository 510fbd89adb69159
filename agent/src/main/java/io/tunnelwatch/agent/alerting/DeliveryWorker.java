package io.tunnelwatch.agent.alerting;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains one destination's outbox on its own thread, so that neither the poll threads nor another
 * destination ever wait for it. After a retryable failure it waits according to the {@link
 * RetryPolicy} before the next attempt; wake-ups in between do not hammer a destination that is
 * down.
 */
final class DeliveryWorker<T> implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorker.class);

  private final String destination;
  private final Outbox<T> outbox;
  private final Delivery<T> delivery;
  private final int batchSize;
  private final RetryPolicy retry;
  private final ScheduledThreadPoolExecutor thread;
  private final Counter sent;
  private final Counter failed;
  private final Counter dropped;
  // Touched only on the worker thread.
  private int consecutiveFailures;
  private boolean backingOff;

  DeliveryWorker(
      String sink,
      String destination,
      Outbox<T> outbox,
      Delivery<T> delivery,
      int batchSize,
      RetryPolicy retry,
      MeterRegistry meters) {
    this.destination = destination;
    this.outbox = outbox;
    this.delivery = delivery;
    this.batchSize = batchSize;
    this.retry = retry;
    this.thread =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "tunnelwatch-" + sink + "-delivery");
              t.setDaemon(true);
              return t;
            });
    thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    sent = counter(meters, "tunnelwatch.notifications.sent", "Notifications delivered", sink);
    failed = counter(meters, "tunnelwatch.notifications.failed", "Failed delivery attempts", sink);
    dropped =
        counter(
            meters,
            "tunnelwatch.notifications.dropped",
            "Notifications given up (rejected as invalid, or pushed out of a full queue)",
            sink);
    Gauge.builder("tunnelwatch.notifications.queued", outbox, Outbox::size)
        .description("Notifications waiting for delivery")
        .tag("sink", sink)
        .tag("destination", destination)
        .register(meters);
  }

  private Counter counter(MeterRegistry meters, String name, String help, String sink) {
    return Counter.builder(name)
        .description(help)
        .tag("sink", sink)
        .tag("destination", destination)
        .register(meters);
  }

  /** Asks for a delivery attempt soon; returns at once. */
  void wake() {
    if (!thread.isShutdown()) {
      thread.execute(() -> attempt(false));
    }
  }

  void countDropped(int items) {
    dropped.increment(items);
  }

  private void attempt(boolean retryTimer) {
    if (backingOff && !retryTimer) {
      return;
    }
    backingOff = false;
    while (!Thread.currentThread().isInterrupted()) {
      List<T> batch = outbox.peek(batchSize);
      if (batch.isEmpty()) {
        return;
      }
      try {
        delivery.deliver(batch);
        outbox.acknowledge(batch);
        sent.increment(batch.size());
        if (consecutiveFailures > 0) {
          LOG.info(
              "{}: delivering again after {} failed attempts", destination, consecutiveFailures);
          consecutiveFailures = 0;
        }
      } catch (DeliveryException e) {
        failed.increment();
        if (!e.retryable()) {
          outbox.acknowledge(batch);
          dropped.increment(batch.size());
          LOG.error(
              "{}: rejected {} notifications, dropping them: {}",
              destination,
              batch.size(),
              e.getMessage());
          continue;
        }
        if (consecutiveFailures == 0) {
          LOG.warn("{}: cannot deliver, will retry with back-off: {}", destination, e.getMessage());
        }
        backOff();
        return;
      } catch (RuntimeException e) {
        // A bug in one batch must not stop this destination's deliveries for good.
        failed.increment();
        LOG.error("{}: delivery failed unexpectedly: {}", destination, e.toString());
        backOff();
        return;
      }
    }
  }

  private void backOff() {
    consecutiveFailures++;
    backingOff = true;
    // attempt() catches every failure itself; the future carries nothing to look at.
    var unused =
        thread.schedule(
            () -> attempt(true),
            retry.delayAfter(consecutiveFailures).toMillis(),
            TimeUnit.MILLISECONDS);
  }

  /** Stops; an attempt in flight may finish, scheduled retries are abandoned. */
  @Override
  public void close() {
    thread.shutdown();
    try {
      if (!thread.awaitTermination(5, TimeUnit.SECONDS)) {
        thread.shutdownNow();
      }
    } catch (InterruptedException e) {
      thread.shutdownNow();
      Thread.currentThread().interrupt();
    }
    if (outbox.size() > 0) {
      LOG.warn("{}: {} notifications not delivered at shutdown", destination, outbox.size());
    }
  }
}
