package io.tunnelwatch.agent.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.tunnelwatch.agent.events.EventTracker;
import io.tunnelwatch.agent.poll.DeviceStates;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * {@code /probe?target=DEVICE}: the metrics of one configured device only, for Prometheus setups
 * that scrape each device as its own target; {@code /probe?shard=I&of=N}: the devices of one part
 * of the fleet ({@link DeviceShard}), so that a large fleet is scraped in parts that each stay
 * small. Unknown targets are refused rather than polled, so the endpoint cannot be used to reach
 * arbitrary hosts. Neither carries the agent's own metrics: those are on {@code /metrics}.
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
    String query = exchange.getRequestURI().getRawQuery();
    List<String> targets;
    List<String> shards;
    List<String> parts;
    try {
      targets = queryParameters(query, "target");
      shards = queryParameters(query, "shard");
      parts = queryParameters(query, "of");
    } catch (IllegalArgumentException e) {
      Responses.text(exchange, 400, "malformed query string\n");
      return;
    }
    if (targets.isEmpty() && shards.size() == 1 && parts.size() == 1) {
      probeShard(exchange, shards.get(0), parts.get(0));
      return;
    }
    if (targets.size() != 1 || targets.get(0).isBlank() || !shards.isEmpty() || !parts.isEmpty()) {
      Responses.text(
          exchange,
          400,
          "give exactly one query parameter 'target' (a configured device name),"
              + " or 'shard' and 'of' (a part of the fleet)\n");
      return;
    }
    String target = targets.get(0);
    if (states.get(target).isEmpty()) {
      Responses.text(exchange, 404, "unknown target; only configured devices can be probed\n");
      return;
    }
    serve(exchange, target::equals);
  }

  private void probeShard(HttpExchange exchange, String shard, String of) throws IOException {
    DeviceShard part;
    try {
      part = DeviceShard.parse(shard, of);
    } catch (IllegalArgumentException e) {
      Responses.text(exchange, 400, e.getMessage() + "\n");
      return;
    }
    serve(exchange, part::contains);
  }

  private void serve(HttpExchange exchange, Predicate<String> devices) throws IOException {
    PrometheusRegistry registry = new PrometheusRegistry();
    registry.register(new EventCollector(events, devices));
    new ExpositionHandler(registry, states, devices).handle(exchange);
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
