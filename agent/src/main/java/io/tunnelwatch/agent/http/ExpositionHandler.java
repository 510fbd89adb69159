package io.tunnelwatch.agent.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.tunnelwatch.agent.poll.DeviceStates;
import io.tunnelwatch.core.metrics.DeviceFamilies;
import io.tunnelwatch.core.metrics.DeviceView;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.zip.GZIPOutputStream;

/**
 * Serves a scrape as it is written: the registry's families, then the device data one section at a
 * time ({@link DeviceFamilies#inSections}), straight into the (gzipped, chunked) response. A fleet
 * of thousands of devices is never rendered into memory whole: client_java's own handler would hold
 * every data point and the complete text at once, which at 10,000 devices (~150 MB of text) outgrew
 * a 1 GiB heap.
 *
 * <p>Answers in the Prometheus text format 0.0.4, which every Prometheus accepts whatever it asks
 * for first: OpenMetrics ends with a {@code # EOF} line and cannot be written in parts.
 */
final class ExpositionHandler implements HttpHandler {

  private static final int BUFFER_BYTES = 64 * 1024;

  private final PrometheusRegistry registry;
  private final DeviceStates states;
  private final Predicate<String> devices;
  private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

  /**
   * @param registry the families other than the device data (the agent's own, events, conditions)
   * @param devices which devices' data the scrape carries
   */
  ExpositionHandler(PrometheusRegistry registry, DeviceStates states, Predicate<String> devices) {
    this.registry = registry;
    this.states = states;
    this.devices = devices;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", writer.getContentType());
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    if ("HEAD".equals(exchange.getRequestMethod())) {
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
      return;
    }
    MetricSnapshots own = registry.scrape();
    List<DeviceView> views = states.all().stream().filter(v -> devices.test(v.device())).toList();
    boolean gzip = acceptsGzip(exchange);
    if (gzip) {
      exchange.getResponseHeaders().set("Content-Encoding", "gzip");
    }
    exchange.sendResponseHeaders(200, 0);
    try (OutputStream out = body(exchange.getResponseBody(), gzip)) {
      writer.write(out, own);
      DeviceFamilies.inSections(views, part -> write(out, part));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private void write(OutputStream out, MetricSnapshots part) {
    try {
      writer.write(out, part);
    } catch (IOException e) {
      // The client went away mid-scrape: stop building the sections it will not read.
      throw new UncheckedIOException(e);
    }
  }

  private static OutputStream body(OutputStream raw, boolean gzip) throws IOException {
    return gzip
        ? new GZIPOutputStream(raw, BUFFER_BYTES)
        : new BufferedOutputStream(raw, BUFFER_BYTES);
  }

  private static boolean acceptsGzip(HttpExchange exchange) {
    return exchange.getRequestHeaders().getOrDefault("Accept-Encoding", List.of()).stream()
        .anyMatch(value -> value.toLowerCase(Locale.ROOT).contains("gzip"));
  }
}
