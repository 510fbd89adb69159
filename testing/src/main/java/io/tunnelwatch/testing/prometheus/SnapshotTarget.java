package io.tunnelwatch.testing.prometheus;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A scrape target that hands every scraper the same copy of an upstream {@code /metrics} page, each
 * sample stamped with the time the copy was taken.
 *
 * <p>Prometheus keeps explicit timestamps, so any number of jobs or servers scraping this target
 * hold identical samples at identical times, whatever the phase of their scrapes: the same query
 * asked of them at the same instant reads the same data. Scraping the agent directly would not give
 * that, because the agent's values change with every poll, between one scrape and the next.
 *
 * <p>A copy is taken every {@code period}, which must be longer than the scrape interval so that
 * every scraper sees every copy. Until {@link #begin()} the page is empty, so that scrapers started
 * one after the other all see the first copy.
 */
public final class SnapshotTarget implements AutoCloseable {

  /** The classic text format: one sample a line, where a trailing timestamp is allowed. */
  private static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

  private final URI upstream;
  private final Duration period;
  private final HttpServer server;
  private final HttpClient http = HttpClient.newHttpClient();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "snapshot-target");
            t.setDaemon(true);
            return t;
          });

  private volatile Snapshot latest = new Snapshot(Instant.EPOCH, "", 0);

  /** One copy of the upstream page, already stamped. */
  public record Snapshot(Instant taken, String page, int number) {}

  private SnapshotTarget(URI upstream, Duration period, HttpServer server) {
    this.upstream = upstream;
    this.period = period;
    this.server = server;
  }

  /**
   * Serves on a free loopback port; copies nothing until {@link #begin()}.
   *
   * @param upstream the page to copy, e.g. the agent's {@code http://127.0.0.1:PORT/metrics}
   */
  public static SnapshotTarget start(URI upstream, Duration period) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    SnapshotTarget target = new SnapshotTarget(upstream, period, server);
    server.createContext(
        "/metrics",
        exchange -> {
          byte[] body = target.latest.page().getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", TEXT_FORMAT);
          exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    return target;
  }

  /** {@code host:port} to scrape. */
  public String address() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  /** Takes the first copy now and another every period. */
  public void begin() {
    // copy() handles its own failures; close() ends the schedule with the timer.
    var unused = timer.scheduleAtFixedRate(this::copy, 0, period.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The copy being served now ({@code number} 0 and no samples before the first). */
  public Snapshot latest() {
    return latest;
  }

  private void copy() {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(upstream).header("Accept", TEXT_FORMAT).build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        return;
      }
      Instant now = Instant.ofEpochMilli(System.currentTimeMillis());
      latest = new Snapshot(now, stamp(response.body(), now), latest.number() + 1);
    } catch (IOException e) {
      // The previous copy stays; every scraper sees the same gap.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Appends {@code time} in milliseconds to every sample line of a text-format page. */
  static String stamp(String page, Instant time) {
    StringBuilder out = new StringBuilder(page.length() + 4096);
    String suffix = " " + time.toEpochMilli();
    for (String line : page.split("\n", -1)) {
      if (line.isBlank() || line.startsWith("#")) {
        out.append(line);
      } else {
        out.append(line).append(suffix);
      }
      out.append('\n');
    }
    // split(-1) left an empty last element for the final newline; the loop added one more.
    out.setLength(out.length() - 1);
    return out.toString();
  }

  @Override
  public void close() {
    timer.shutdownNow();
    server.stop(0);
  }
}
