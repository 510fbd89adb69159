package io.tunnelwatch.agent.alerting;

import io.tunnelwatch.agent.events.Event;
import io.tunnelwatch.agent.events.EventListener;
import io.tunnelwatch.agent.metrics.AgentMetrics;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs every event, one JSON object per request, in order, to a URL; retries with back-off while
 * the receiver is down. Holds at most {@value #CAPACITY} undelivered events.
 */
public final class WebhookSink implements EventListener, AutoCloseable {

  static final int CAPACITY = 10_000;

  private static final Logger LOG = LoggerFactory.getLogger(WebhookSink.class);

  private final String destination;
  private final FifoOutbox<Event> outbox = new FifoOutbox<>(CAPACITY);
  private final DeliveryWorker<Event> worker;

  public WebhookSink(URI url, HttpClient http, RetryPolicy retry, AgentMetrics metrics) {
    this.destination = Destination.safeName(url);
    HttpPoster poster = new HttpPoster(http, Duration.ofSeconds(10));
    this.worker =
        new DeliveryWorker<>(
            "webhook",
            destination,
            outbox,
            batch -> poster.postJson(url, EventJson.write(batch.get(0))),
            Correction.none(),
            1,
            retry,
            metrics);
  }

  @Override
  public void onEvent(Event event) {
    if (outbox.add(event)) {
      worker.countDropped(1);
      LOG.warn("{}: queue full, dropped the oldest undelivered event", destination);
    }
    worker.wake();
  }

  @Override
  public void close() {
    worker.close();
  }
}
