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
import java.util.ArrayList;
import java.util.List;

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
    List<String> targets;
    try {
      targets = queryParameters(exchange.getRequestURI().getRawQuery(), "target");
    } catch (IllegalArgumentException e) {
      Responses.text(exchange, 400, "malformed query string\n");
      return;
    }
    if (targets.size() != 1 || targets.get(0).isBlank()) {
      Responses.text(
          exchange, 400, "give exactly one query parameter 'target' (a configured device name)\n");
      return;
    }
    String target = targets.get(0);
    if (states.get(target).isEmpty()) {
      Responses.text(exchange, 404, "unknown target; only configured devices can be probed\n");
      return;
    }
    PrometheusRegistry registry = new PrometheusRegistry();
    registry.register(DeviceCollector.oneDevice(states, target));
    registry.register(EventCollector.oneDevice(events, target));
    new MetricsHandler(registry).handle(exchange);
  }

  /**
   * Every value of the named query parameter, in order.
   *
   * @throws IllegalArgumentException on a malformed percent-encoding
   */
  static List<String> queryParameters(String rawQuery, String name) {
    if (rawQuery == null) {
      return List.of();
    }
    List<String> values = new ArrayList<>();
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      if (key.equals(name)) {
        values.add(eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return values;
  }
}
