package io.tunnelwatch.agent.alerting;

import io.tunnelwatch.agent.events.Event;
import io.tunnelwatch.agent.events.EventListener;
import io.tunnelwatch.agent.events.EventStatus;
import io.tunnelwatch.agent.metrics.AgentMetrics;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns condition events into Alertmanager alerts: OPENED fires, RESOLVED resolves; single
 * occurrences (rekeys, reboots) are not alerts. Every Alertmanager gets every alert (as Prometheus
 * does for an HA pair), each through its own outbox and thread. Firing alerts are sent again every
 * resend interval so that Alertmanager does not let them expire.
 */
public final class AlertDispatcher implements EventListener, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AlertDispatcher.class);
  private static final int BATCH = 500;
  private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(10);

  private final Map<String, Alert> firing = new HashMap<>();
  private final List<LatestPerConditionOutbox> outboxes = new ArrayList<>();
  private final List<DeliveryWorker<Alert>> workers = new ArrayList<>();
  private final ScheduledExecutorService resender;
  private final AlertFactory factory;

  public AlertDispatcher(
      List<URI> alertmanagers,
      Duration resendInterval,
      AlertLinks links,
      RetryPolicy retry,
      HttpClient http,
      AgentMetrics metrics,
      OutboxJournal journal) {
    if (resendInterval.isNegative() || resendInterval.isZero()) {
      throw new IllegalArgumentException("expected a positive resend interval");
    }
    this.factory = new AlertFactory(links);
    for (URI url : alertmanagers) {
      AlertmanagerClient client = new AlertmanagerClient(url, http, HTTP_TIMEOUT);
      String destination = Destination.safeName(url);
      LatestPerConditionOutbox outbox = new LatestPerConditionOutbox(destination, journal);
      outboxes.add(outbox);
      workers.add(
          new DeliveryWorker<>(
              "alertmanager",
              destination,
              outbox,
              client::post,
              new AlertCorrection(),
              BATCH,
              retry,
              metrics));
    }
    resender =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "tunnelwatch-alert-resend");
              t.setDaemon(true);
              return t;
            });
    // What the journal kept from before a restart goes out at once.
    workers.forEach(DeliveryWorker::wake);
    long every = resendInterval.toMillis();
    // Runs until close(); resendFiring only re-queues alerts, nothing there is expected to throw.
    var unused =
        resender.scheduleWithFixedDelay(this::resendFiring, every, every, TimeUnit.MILLISECONDS);
  }

  /** Returns at once: the alert is queued and the delivery threads are woken. */
  @Override
  public void onEvent(Event event) {
    if (event.status() == EventStatus.OCCURRED) {
      return;
    }
    try {
      Alert alert;
      synchronized (firing) {
        if (event.status() == EventStatus.OPENED) {
          alert = keepStart(factory.opened(event), firing.get(event.conditionKey()));
          firing.put(alert.key(), alert);
        } else {
          alert = factory.resolved(event, Optional.ofNullable(firing.remove(event.conditionKey())));
        }
        outboxes.forEach(o -> o.put(alert));
      }
      workers.forEach(DeliveryWorker::wake);
    } catch (RuntimeException e) {
      LOG.error("{}: no alert for {}: {}", event.device(), event.conditionKey(), e.toString());
    }
  }

  /**
   * Sends again, as it was, an alert that was firing before the restart: Alertmanager sees the same
   * alert refreshed (same labels, same start), not a new one, and nothing resolves in between.
   */
  @Override
  public void onConditionRestored(Event opened) {
    try {
      Alert alert = factory.opened(opened);
      synchronized (firing) {
        firing.put(alert.key(), alert);
        outboxes.forEach(o -> o.put(alert));
      }
      workers.forEach(DeliveryWorker::wake);
    } catch (RuntimeException e) {
      LOG.error("{}: no alert for {}: {}", opened.device(), opened.conditionKey(), e.toString());
    }
  }

  /**
   * Resolves every alert firing for a device that is no longer watched: nothing else would, and
   * re-sending it for ever would keep it firing in Alertmanager.
   */
  @Override
  public void onDeviceRemoved(String device) {
    Instant now = Instant.now();
    synchronized (firing) {
      firing
          .values()
          .removeIf(
              alert -> {
                if (!device.equals(alert.labels().get("device"))) {
                  return false;
                }
                Map<String, String> annotations = new HashMap<>(alert.annotations());
                annotations.put("resolution", "the device was removed from the configuration");
                Alert resolved =
                    new Alert(
                        alert.key(),
                        alert.labels(),
                        annotations,
                        alert.generatorUrl(),
                        alert.startsAt(),
                        Optional.of(now));
                outboxes.forEach(o -> o.put(resolved));
                return true;
              });
    }
    workers.forEach(DeliveryWorker::wake);
  }

  /**
   * Stops re-sending the device's firing alerts without resolving them: the agent that took the
   * device over sends them from now on, with the same labels and start.
   */
  @Override
  public void onDeviceReleased(String device) {
    synchronized (firing) {
      firing.values().removeIf(alert -> device.equals(alert.labels().get("device")));
    }
  }

  /** Delivers what the device's previous agent left undelivered. */
  @Override
  public void onDeviceAdopted(String device) {
    outboxes.forEach(o -> o.adopt(device));
    workers.forEach(DeliveryWorker::wake);
  }

  /** A condition reported open again (e.g. after a tracker restart) keeps its first start. */
  private static Alert keepStart(Alert opened, @Nullable Alert alreadyFiring) {
    if (alreadyFiring == null) {
      return opened;
    }
    return new Alert(
        opened.key(),
        opened.labels(),
        opened.annotations(),
        opened.generatorUrl(),
        alreadyFiring.startsAt(),
        opened.endsAt());
  }

  /** The alerts currently firing, keyed by condition. */
  public Map<String, Alert> firing() {
    synchronized (firing) {
      return Map.copyOf(firing);
    }
  }

  private void resendFiring() {
    synchronized (firing) {
      for (Alert alert : firing.values()) {
        outboxes.forEach(o -> o.putIfAbsent(alert));
      }
    }
    workers.forEach(DeliveryWorker::wake);
  }

  @Override
  public void close() {
    resender.shutdownNow();
    workers.forEach(DeliveryWorker::close);
  }
}
