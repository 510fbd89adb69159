package io.tunnelwatch.agent.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.prometheus.metrics.exporter.httpserver.MetricsHandler;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.tunnelwatch.agent.events.EventTracker;
import io.tunnelwatch.agent.poll.DeviceStates;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The agent's HTTP face: {@code /metrics}, {@code /probe}, {@code /-/healthy}, {@code /-/ready} and
 * the status page at {@code /}.
 */
public final class AgentHttpServer implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService executor;

  /**
   * Binds and starts serving.
   *
   * @param registry holds the device and event collectors and the agent's own meters
   * @param events whose per-device event metrics {@code /probe} adds to the device's data
   */
  public AgentHttpServer(
      InetSocketAddress address,
      PrometheusRegistry registry,
      DeviceStates states,
      EventTracker events,
      Clock clock)
      throws IOException {
    server = HttpServer.create(address, 64);
    executor =
        Executors.newFixedThreadPool(
            4,
            r -> {
              Thread t = new Thread(r, "http");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext("/metrics", new MetricsHandler(registry));
    server.createContext("/probe", new ProbeHandler(states, events));
    server.createContext("/-/healthy", exchange -> Responses.text(exchange, 200, "Healthy\n"));
    server.createContext(
        "/-/ready",
        exchange -> {
          boolean ready = states.allPolledOnce();
          Responses.text(
              exchange,
              ready ? 200 : 503,
              ready ? "Ready\n" : "Not ready: waiting for the first poll of every device\n");
        });
    server.createContext("/", exchange -> statusPage(exchange, states, clock));
    server.start();
  }

  private static void statusPage(HttpExchange exchange, DeviceStates states, Clock clock)
      throws IOException {
    if (!"/".equals(exchange.getRequestURI().getPath())) {
      Responses.text(exchange, 404, "not found\n");
      return;
    }
    Responses.html(exchange, 200, StatusPage.render(states.all(), clock.instant()));
  }

  /** The bound address (the real port when 0 was asked for). */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
