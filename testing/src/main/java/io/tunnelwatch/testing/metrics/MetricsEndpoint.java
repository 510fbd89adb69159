package io.tunnelwatch.testing.metrics;

import io.tunnelwatch.testing.http.HttpGet;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Prometheus text-format {@code /metrics} page, read the way a scraper would, over HTTP. */
public record MetricsEndpoint(URI uri) {

  /** {@code http://127.0.0.1:<port>/metrics} for the agent's HTTP address. */
  public static MetricsEndpoint at(InetSocketAddress address) {
    return new MetricsEndpoint(URI.create("http://127.0.0.1:" + address.getPort() + "/metrics"));
  }

  /** The whole page, scraped now. */
  public String text() {
    return HttpGet.body(uri);
  }

  /** The value of one series, scraped now; NaN if the page does not have it. */
  public double value(String series) {
    return value(text(), series).orElse(Double.NaN);
  }

  /**
   * The value of {@code series}, written exactly as on the page ({@code name{label="v",...}},
   * labels in the exporter's order), in {@code page}.
   */
  public static OptionalDouble value(String page, String series) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(page);
    return m.find() ? OptionalDouble.of(Double.parseDouble(m.group(1))) : OptionalDouble.empty();
  }
}
