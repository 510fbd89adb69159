package io.tunnelwatch.agent.cluster;

import io.tunnelwatch.testing.alertmanager.Alertmanager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Asks Alertmanager on a background thread, for as long as it runs, whether one device's alert is
 * still active, and keeps every moment it was not: a resolve that a later re-send undid would leave
 * no other trace in Alertmanager's API.
 */
final class AlertWatch implements AutoCloseable {

  private final Alertmanager alertmanager;
  private final String alertname;
  private final String device;
  private final List<String> gaps = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService thread =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "alert-watch");
            t.setDaemon(true);
            return t;
          });

  private AlertWatch(Alertmanager alertmanager, String alertname, String device) {
    this.alertmanager = alertmanager;
    this.alertname = alertname;
    this.device = device;
  }

  static AlertWatch start(
      Alertmanager alertmanager, String alertname, String device, Duration period) {
    AlertWatch watch = new AlertWatch(alertmanager, alertname, device);
    // Runs until close(); check() catches what it can fail with.
    var unused =
        watch.thread.scheduleAtFixedRate(watch::check, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    return watch;
  }

  private void check() {
    try {
      if (alertmanager.activeAlert(alertname, "device", device).isEmpty()) {
        gaps.add(Instant.now() + ": not active");
      }
    } catch (RuntimeException e) {
      gaps.add(Instant.now() + ": cannot ask Alertmanager: " + e);
    }
  }

  /** Every check that did not find the alert active, with its time. */
  List<String> gaps() {
    return List.copyOf(gaps);
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
