package io.tunnelwatch.agent.run;

import io.tunnelwatch.agent.alerting.AlertDispatcher;
import io.tunnelwatch.agent.alerting.OutboxJournal;
import io.tunnelwatch.agent.alerting.RetryPolicy;
import io.tunnelwatch.agent.alerting.WebhookSink;
import io.tunnelwatch.agent.config.AgentConfig;
import io.tunnelwatch.agent.config.AlertingConfig;
import io.tunnelwatch.agent.config.HistoryConfig;
import io.tunnelwatch.agent.events.EventListener;
import io.tunnelwatch.agent.history.CoverageGaps;
import io.tunnelwatch.agent.history.EventHistory;
import io.tunnelwatch.agent.history.JdbcEventHistory;
import io.tunnelwatch.agent.metrics.AgentMetrics;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumers of detected events that the configuration asks for: the history store, the
 * Alertmanager dispatcher and the webhooks. The state tracker hands each event to {@link
 * #listeners()}.
 */
public final class EventConsumers implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EventConsumers.class);

  private final Optional<EventHistory> history;
  private final List<EventListener> listeners;
  private final List<AutoCloseable> closeables;

  private EventConsumers(
      Optional<EventHistory> history,
      List<EventListener> listeners,
      List<AutoCloseable> closeables) {
    this.history = history;
    this.listeners = List.copyOf(listeners);
    this.closeables = List.copyOf(closeables);
  }

  /**
   * Opens the store and starts the delivery threads.
   *
   * @param pollIntervals each device's poll interval, for the coverage gaps
   */
  public static EventConsumers create(
      AgentConfig config, Map<String, Duration> pollIntervals, AgentMetrics metrics) {
    List<EventListener> listeners = new ArrayList<>();
    List<AutoCloseable> closeables = new ArrayList<>();
    Optional<EventHistory> history = openHistory(config.history(), pollIntervals);
    history.ifPresent(
        h -> {
          listeners.add(h);
          closeables.add(h);
        });
    AlertingConfig alerting = config.alerting();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    if (!alerting.alertmanager().isEmpty()) {
      AlertDispatcher dispatcher =
          new AlertDispatcher(
              alerting.alertmanager().stream().map(URI::create).toList(),
              alerting.resendInterval(),
              AlertLinksFromConfig.of(config),
              RetryPolicy.DEFAULT,
              http,
              metrics,
              history.map(EventHistory::alertOutbox).orElseGet(OutboxJournal::none));
      listeners.add(dispatcher);
      closeables.add(dispatcher);
    }
    for (String url : alerting.webhooks()) {
      WebhookSink sink = new WebhookSink(URI.create(url), http, RetryPolicy.DEFAULT, metrics);
      listeners.add(sink);
      closeables.add(sink);
    }
    return new EventConsumers(history, listeners, closeables);
  }

  private static Optional<EventHistory> openHistory(
      HistoryConfig config, Map<String, Duration> pollIntervals) {
    CoverageGaps gaps = CoverageGaps.fromIntervals(pollIntervals);
    if (config.stateDir().isPresent()) {
      return Optional.of(JdbcEventHistory.open(Path.of(config.stateDir().get()), gaps));
    }
    if (config.jdbcUrl().isPresent()) {
      return Optional.of(JdbcEventHistory.connect(config.jdbcUrl().get(), gaps));
    }
    return Optional.empty();
  }

  /** The store, when the configuration keeps a history. */
  public Optional<EventHistory> history() {
    return history;
  }

  /** Every consumer, in the order events should reach them (the store first). */
  public List<EventListener> listeners() {
    return listeners;
  }

  @Override
  public void close() {
    // Delivery first, the store last: nothing writes to it after it closes.
    for (int i = closeables.size() - 1; i >= 0; i--) {
      try {
        closeables.get(i).close();
      } catch (Exception e) {
        LOG.warn("closing an event consumer: {}", e.toString());
      }
    }
  }
}
