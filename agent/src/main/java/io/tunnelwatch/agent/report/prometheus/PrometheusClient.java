package io.tunnelwatch.agent.report.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one Prometheus HTTP API call reports need: {@code /api/v1/query_range}, split into windows
 * below the server's 11,000-points-per-series limit and stitched back per series.
 */
public final class PrometheusClient {

  static final int MAX_POINTS = 10_000;

  /** One series: its labels and its samples, epoch seconds ascending. */
  // The arrays are filled once and only read; a Series is never compared or hashed.
  @SuppressWarnings("ArrayRecordComponent")
  public record Series(Map<String, String> labels, long[] times, double[] values) {}

  private final URI base;
  private final HttpClient http;
  private final Duration timeout;
  private final ObjectMapper mapper = new ObjectMapper();

  public PrometheusClient(URI base, Duration timeout) {
    this.base = base;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  public List<Series> queryRange(String promql, Instant start, Instant end, Duration step)
      throws IOException, InterruptedException {
    Map<Map<String, String>, TreeMap<Long, Double>> merged = new LinkedHashMap<>();
    long stepSeconds = step.toSeconds();
    long windowEnd;
    for (long from = start.getEpochSecond();
        from <= end.getEpochSecond();
        from = windowEnd + stepSeconds) {
      windowEnd = Math.min(end.getEpochSecond(), from + (MAX_POINTS - 1) * stepSeconds);
      for (JsonNode result : fetch(promql, from, windowEnd, stepSeconds)) {
        Map<String, String> labels = new TreeMap<>();
        result
            .path("metric")
            .properties()
            .forEach(f -> labels.put(f.getKey(), f.getValue().asText()));
        TreeMap<Long, Double> samples = merged.computeIfAbsent(labels, l -> new TreeMap<>());
        for (JsonNode point : result.path("values")) {
          samples.put(point.get(0).asLong(), Double.parseDouble(point.get(1).asText()));
        }
      }
    }
    List<Series> series = new ArrayList<>();
    merged.forEach(
        (labels, samples) -> {
          long[] times = new long[samples.size()];
          double[] values = new double[samples.size()];
          int i = 0;
          for (var e : samples.entrySet()) {
            times[i] = e.getKey();
            values[i++] = e.getValue();
          }
          series.add(new Series(Map.copyOf(labels), times, values));
        });
    return series;
  }

  private JsonNode fetch(String promql, long from, long to, long step)
      throws IOException, InterruptedException {
    String query =
        "query="
            + URLEncoder.encode(promql, StandardCharsets.UTF_8)
            + "&start="
            + from
            + "&end="
            + to
            + "&step="
            + step;
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve("/api/v1/query_range"))
            .timeout(timeout)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(query))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    JsonNode body;
    try {
      body = mapper.readTree(response.body());
    } catch (IOException e) {
      throw new IOException(
          "Prometheus at " + base + " answered HTTP " + response.statusCode() + " without JSON");
    }
    if (!"success".equals(body.path("status").asText())) {
      throw new IOException(
          "Prometheus at "
              + base
              + " refused '"
              + promql
              + "': "
              + body.path("errorType").asText()
              + ": "
              + body.path("error").asText());
    }
    return body.path("data").path("result");
  }
}
