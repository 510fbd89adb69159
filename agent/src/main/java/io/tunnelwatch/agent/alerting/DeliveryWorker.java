package io.tunnelwatch.agent.alerting;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.GaugeDataPoint;
import io.tunnelwatch.agent.metrics.AgentMetrics;
import io.tunnelwatch.core.PeerText;
import java.util.List;
import java.util.Optional;
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

  /** Enough of a dropped notification to find it (its labels come first), not a whole page. */
  private static final int MAX_LOGGED_CHARS = 600;

  private final String destination;
  private final Outbox<T> outbox;
  private final Delivery<T> delivery;
  private final Correction<T> correction;
  private final int batchSize;
  private final RetryPolicy retry;
  private final ScheduledThreadPoolExecutor thread;
  private final CounterDataPoint sent;
  private final CounterDataPoint failed;
  private final CounterDataPoint dropped;
  private final GaugeDataPoint up;
  // Touched only on the worker thread.
  private int consecutiveFailures;
  private boolean backingOff;

  DeliveryWorker(
      String sink,
      String destination,
      Outbox<T> outbox,
      Delivery<T> delivery,
      Correction<T> correction,
      int batchSize,
      RetryPolicy retry,
      AgentMetrics metrics) {
    this.destination = destination;
    this.outbox = outbox;
    this.delivery = delivery;
    this.correction = correction;
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
    AgentMetrics.Delivery counters = metrics.delivery(sink, destination, outbox::size);
    sent = counters.sent();
    failed = counters.failed();
    dropped = counters.dropped();
    up = counters.up();
  }

  /** Asks for a delivery attempt soon; returns at once. */
  void wake() {
    if (!thread.isShutdown()) {
      thread.execute(() -> attempt(false));
    }
  }

  void countDropped(int items) {
    dropped.inc(items);
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
        sent.inc(batch.size());
        up.set(1);
        if (consecutiveFailures > 0) {
          LOG.info(
              "{}: delivering again after {} failed attempts", destination, consecutiveFailures);
          consecutiveFailures = 0;
        }
      } catch (DeliveryException e) {
        failed.inc();
        // A rejection is a failure of this destination too: a wrong URL answers 404 to everything.
        up.set(0);
        if (!e.retryable()) {
          if (batch.size() == 1) {
            if (!deliverCorrected(batch.get(0), e)) {
              backOff();
              return;
            }
          } else if (!deliverEach(batch)) {
            backOff();
            return;
          }
          continue;
        }
        if (consecutiveFailures == 0) {
          LOG.warn("{}: cannot deliver, will retry with back-off: {}", destination, e.getMessage());
        }
        backOff();
        return;
      } catch (RuntimeException e) {
        // A bug in one batch must not stop this destination's deliveries for good.
        failed.inc();
        up.set(0);
        LOG.error("{}: delivery failed unexpectedly: {}", destination, e.toString());
        backOff();
        return;
      }
    }
  }

  /**
   * The destination refused a whole batch: sends its items one at a time, so that only those it
   * refuses are dropped, each named in the log, and the others are delivered.
   *
   * @return false when the destination failed in a way worth retrying; what was not sent stays
   *     queued
   */
  private boolean deliverEach(List<T> batch) {
    for (T item : batch) {
      List<T> one = List.of(item);
      try {
        delivery.deliver(one);
        outbox.acknowledge(one);
        sent.inc();
        up.set(1);
      } catch (DeliveryException e) {
        failed.inc();
        up.set(0);
        if (e.retryable() || !deliverCorrected(item, e)) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * A notification the destination refuses as it is, which sending again would not change: sends it
   * once more corrected, if the correction changes anything, and drops it when that is refused too.
   * Either way the log names it.
   *
   * @return false when the destination failed in a way worth retrying; the notification stays
   *     queued
   */
  private boolean deliverCorrected(T item, DeliveryException rejection) {
    Optional<T> corrected = correction.correct(item, String.valueOf(rejection.getMessage()));
    if (corrected.isEmpty()) {
      drop(item, rejection);
      return true;
    }
    try {
      delivery.deliver(List.of(corrected.get()));
      outbox.acknowledge(List.of(item));
      sent.inc();
      up.set(1);
      LOG.warn(
          "{}: rejected ({}), delivered corrected: {}",
          destination,
          rejection.getMessage(),
          PeerText.escape(String.valueOf(corrected.get()), MAX_LOGGED_CHARS));
      return true;
    } catch (DeliveryException e) {
      failed.inc();
      if (e.retryable()) {
        return false;
      }
      drop(item, e);
      return true;
    }
  }

  /** Logged with enough of the notification to find it: its labels come first. */
  private void drop(T item, DeliveryException e) {
    outbox.acknowledge(List.of(item));
    dropped.inc();
    LOG.error(
        "{}: rejected, dropping it: {}; the notification was {}",
        destination,
        e.getMessage(),
        PeerText.escape(String.valueOf(item), MAX_LOGGED_CHARS));
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
