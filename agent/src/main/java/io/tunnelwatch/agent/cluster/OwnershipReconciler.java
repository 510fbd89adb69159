package io.tunnelwatch.agent.cluster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the devices polled here those this member owns: releases those that moved away, then takes
 * up those that moved here once their previous holder has let go. Runs on one thread, at every
 * change of membership or partitions and every {@link #PERIOD} besides (a missed event costs at
 * most that).
 */
public final class OwnershipReconciler implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(OwnershipReconciler.class);

  static final Duration PERIOD = Duration.ofMillis(500);

  /**
   * How long a live member's claim is respected before the new owner polls anyway: longer than a
   * release takes (the last poll's grace, then a save), short enough to bound a stuck handover.
   */
  static final Duration CLAIM_PATIENCE = Duration.ofSeconds(15);

  private final ClusterMember member;
  private final DeviceClaims claims;
  private final OwnedDevices devices;
  private final ClusterMetrics metrics;
  private final Clock clock;
  private final ScheduledExecutorService thread;
  // Devices owned here whose claim a live member still holds, and since when; reconciler thread.
  private final Map<String, Instant> waiting = new HashMap<>();
  private final Set<String> failed = new HashSet<>();

  public OwnershipReconciler(
      ClusterMember member, OwnedDevices devices, ClusterMetrics metrics, Clock clock) {
    this(
        member,
        new DeviceClaims(member.deviceHolders(), member.localId(), member::memberIds),
        devices,
        metrics,
        clock);
  }

  OwnershipReconciler(
      ClusterMember member,
      DeviceClaims claims,
      OwnedDevices devices,
      ClusterMetrics metrics,
      Clock clock) {
    this.member = member;
    this.claims = claims;
    this.devices = devices;
    this.metrics = metrics;
    this.clock = clock;
    this.thread =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "cluster-ownership");
              t.setDaemon(true);
              return t;
            });
  }

  /** Takes up the devices owned now, then follows every change. */
  public void start() {
    member.onOwnershipChange(this::soon);
    // Runs until close(); reconcile() catches what it can fail with.
    var unused =
        thread.scheduleWithFixedDelay(this::reconcile, 0, PERIOD.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void soon() {
    try {
      thread.execute(this::reconcile);
    } catch (RejectedExecutionException e) {
      // Closing: ownership no longer matters here.
    }
  }

  private void reconcile() {
    try {
      Set<String> configured = devices.configured();
      Set<String> polled = devices.polled();
      Set<String> leaving = new HashSet<>();
      for (String device : polled) {
        if (configured.contains(device) && !member.owns(device)) {
          leaving.add(device);
        }
      }
      if (!leaving.isEmpty()) {
        release(leaving);
      }
      Set<String> arriving = new HashSet<>();
      for (String device : configured) {
        if (!polled.contains(device) && member.owns(device)) {
          arriving.add(device);
        }
      }
      waiting.keySet().retainAll(arriving);
      failed.retainAll(arriving);
      int acquired = 0;
      for (String device : arriving) {
        acquired += acquireWhenFree(device) ? 1 : 0;
      }
      if (acquired > 0) {
        LOG.info("polling {} more device(s) from this member", acquired);
      }
    } catch (RuntimeException e) {
      // The cluster is shutting down or unreachable; the next round tries again.
      LOG.debug("ownership round failed", e);
    }
  }

  private void release(Set<String> leaving) {
    try {
      devices.release(leaving);
    } catch (Exception e) {
      LOG.error("cannot hand over {} device(s): {}", leaving.size(), e.toString());
      return;
    }
    leaving.forEach(claims::release);
    metrics.released(leaving.size());
    LOG.info("handed {} device(s) to other members: {}", leaving.size(), new TreeSet<>(leaving));
  }

  /** True when the device is polled here from now on. */
  private boolean acquireWhenFree(String device) {
    Instant now = clock.instant();
    if (!claims.claim(device)) {
      Instant since = waiting.computeIfAbsent(device, d -> now);
      if (now.isBefore(since.plus(CLAIM_PATIENCE))) {
        return false;
      }
      LOG.warn(
          "{}: its previous member has not let go after {} s; polling it from here anyway",
          device,
          CLAIM_PATIENCE.toSeconds());
      claims.takeOver(device);
    }
    waiting.remove(device);
    try {
      devices.acquire(device);
      metrics.acquired();
      return true;
    } catch (Exception e) {
      claims.release(device);
      if (failed.add(device)) {
        LOG.error("{}: cannot start polling it here: {}", device, e.toString());
      }
      return false;
    }
  }

  @Override
  public void close() {
    thread.shutdownNow();
    try {
      if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
        LOG.warn("the ownership reconciler did not stop within 10 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
