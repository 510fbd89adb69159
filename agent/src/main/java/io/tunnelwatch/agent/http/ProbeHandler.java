package io.tunnelwatch.agent.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.prometheus.metrics.exporter.httpserver.MetricsHandler;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.tunnelwatch.agent.events.EventTracker;
import io.tunnelwatch.agent.poll.DeviceStates;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * {@code /probe?target=DEVICE}: the metrics of one configured device only, for Prometheus setups
 * that scrape each device as its own target. Unknown targets are refused rather than polled, so the
 * endpoint cannot be used to reach arbitrary hosts.
 */
final class ProbeHandler implements HttpHandler {

  private final DeviceStates states;
  private final EventTracker events;

  ProbeHandler(DeviceStates states, EventTracker events) {
    this.states = states;
    this.events = events;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    Optional<String> target = queryParameter(exchange.getRequestURI().getRawQuery(), "target");
    if (target.isEmpty() || target.get().isBlank()) {
      Responses.text(
          exchange, 400, "missing query parameter 'target' (a configured device name)\n");
      return;
    }
    if (states.get(target.get()).isEmpty()) {
      Responses.text(exchange, 404, "unknown target; only configured devices can be probed\n");
      return;
    }
    PrometheusRegistry registry = new PrometheusRegistry();
    registry.register(DeviceCollector.oneDevice(states, target.get()));
    registry.register(EventCollector.oneDevice(events, target.get()));
    new MetricsHandler(registry).handle(exchange);
  }

  static Optional<String> queryParameter(String rawQuery, String name) {
    if (rawQuery == null) {
      return Optional.empty();
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      if (key.equals(name)) {
        return Optional.of(
            eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return Optional.empty();
  }
}
