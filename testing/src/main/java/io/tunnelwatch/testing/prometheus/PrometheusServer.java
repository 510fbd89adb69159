package io.tunnelwatch.testing.prometheus;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tunnelwatch.testing.http.HttpGet;
import io.tunnelwatch.testing.net.FreePorts;
import io.tunnelwatch.testing.process.Daemon;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Debian's {@code prometheus}, started for one test: a free loopback port, storage in a temporary
 * directory, one scrape job {@code tunnelwatch} for the agent (or the {@link Job jobs} given), the
 * rule files loaded. Stopped by its PID on {@link #close()}.
 *
 * <p>For end-to-end alert tests, {@link Options#forOverride()} rewrites every {@code for:} of the
 * rule files so that an alert fires seconds after its condition holds.
 */
public final class PrometheusServer implements AutoCloseable {

  /**
   * One scrape job.
   *
   * @param name the {@code job} label
   * @param target the {@code host:port} scraped at {@code /metrics}
   * @param instance if present, the {@code instance} label instead of {@code target}: two jobs
   *     scraping one target then look like two agents
   */
  public record Job(String name, String target, Optional<String> instance) {

    public static Job of(String name, String target) {
      return new Job(name, target, Optional.empty());
    }

    public Job withInstance(String label) {
      return new Job(name, target, Optional.of(label));
    }
  }

  /**
   * @param jobs the scrape jobs, each named and scraping once per {@code interval}
   * @param ruleFiles rule files to load (usually {@link RepoLayout#ruleFiles()})
   * @param interval scrape and rule evaluation interval
   * @param forOverride if present, replaces the {@code for:} duration of every alerting rule
   * @param alertmanager if present, where Prometheus sends its alerts
   */
  public record Options(
      List<Job> jobs,
      List<Path> ruleFiles,
      Duration interval,
      Optional<Duration> forOverride,
      Optional<URI> alertmanager) {

    /** One job {@code tunnelwatch} scraping the agent at {@code target} ({@code host:port}). */
    public static Options of(String target, List<Path> ruleFiles) {
      return of(List.of(Job.of("tunnelwatch", target)), ruleFiles);
    }

    public static Options of(List<Job> jobs, List<Path> ruleFiles) {
      return new Options(
          List.copyOf(jobs), ruleFiles, Duration.ofSeconds(1), Optional.empty(), Optional.empty());
    }

    public Options withForOverride(Duration duration) {
      return new Options(jobs, ruleFiles, interval, Optional.of(duration), alertmanager);
    }

    public Options withAlertmanager(URI url) {
      return new Options(jobs, ruleFiles, interval, forOverride, Optional.of(url));
    }
  }

  /** The answer of {@code /api/v1/query}: either a result or an error. */
  public record QueryResult(String status, String error, JsonNode result) {
    public boolean ok() {
      return status.equals("success");
    }

    public boolean hasData() {
      return ok() && result != null && result.size() > 0;
    }
  }

  private static final Pattern FOR_LINE = Pattern.compile("(?m)^(\\s+for:\\s*).*$");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Daemon daemon;
  private final URI base;
  private final HttpClient http = HttpClient.newHttpClient();

  private PrometheusServer(Daemon daemon, URI base) {
    this.daemon = daemon;
    this.base = base;
  }

  /** Starts Prometheus in {@code workDir} (created if needed) and waits until it is ready. */
  public static PrometheusServer start(Path workDir, Options options) throws IOException {
    Files.createDirectories(workDir);
    List<Path> rules = new ArrayList<>();
    for (Path file : options.ruleFiles()) {
      Path copy = workDir.resolve(file.getFileName());
      String text = Files.readString(file);
      if (options.forOverride().isPresent()) {
        String shortFor = options.forOverride().get().toSeconds() + "s";
        text = FOR_LINE.matcher(text).replaceAll("$1" + shortFor);
      }
      Files.writeString(copy, text);
      rules.add(copy);
    }
    String seconds = options.interval().toSeconds() + "s";
    StringBuilder config = new StringBuilder();
    config.append("global:\n");
    config.append("  scrape_interval: ").append(seconds).append('\n');
    config.append("  scrape_timeout: ").append(seconds).append('\n');
    config.append("  evaluation_interval: ").append(seconds).append('\n');
    options
        .alertmanager()
        .ifPresent(
            am ->
                config
                    .append("alerting:\n  alertmanagers:\n    - static_configs:\n")
                    .append("        - targets: [\"")
                    .append(am.getAuthority())
                    .append("\"]\n"));
    config.append("rule_files:\n");
    rules.forEach(r -> config.append("  - ").append(r).append('\n'));
    config.append("scrape_configs:\n");
    for (Job job : options.jobs()) {
      config.append("  - job_name: ").append(job.name()).append('\n');
      config.append("    static_configs:\n");
      config.append("      - targets: [\"").append(job.target()).append("\"]\n");
      // A target label set here wins over the default instance (the address).
      job.instance()
          .ifPresent(i -> config.append("        labels: {instance: \"").append(i).append("\"}\n"));
    }
    Path configFile = workDir.resolve("prometheus.yml");
    Files.writeString(configFile, config);
    return start(workDir, configFile, workDir.resolve("data"));
  }

  /** Starts Prometheus in {@code workDir} with {@code configFile}; waits until it is ready. */
  private static PrometheusServer start(Path workDir, Path configFile, Path data)
      throws IOException {
    Files.createDirectories(workDir);
    int port = FreePorts.tcp();
    URI base = URI.create("http://127.0.0.1:" + port);
    Daemon daemon =
        Daemon.start(
                List.of(
                    "prometheus",
                    "--config.file=" + configFile,
                    "--storage.tsdb.path=" + data,
                    "--web.listen-address=127.0.0.1:" + port,
                    "--log.level=warn"),
                workDir.resolve("prometheus.log"))
            .awaitReady(() -> HttpGet.ok(base.resolve("/-/ready")), Duration.ofSeconds(60));
    return new PrometheusServer(daemon, base);
  }

  public URI base() {
    return base;
  }

  public String logText() {
    return daemon.logText();
  }

  /** Evaluates {@code promql} now through {@code /api/v1/query}. */
  public QueryResult query(String promql) {
    return result(get("/api/v1/query?query=" + encode(promql)));
  }

  /**
   * Evaluates {@code promql} at {@code time} (millisecond precision) through {@code /api/v1/query}:
   * two servers asked about the same instant read the same samples.
   */
  public QueryResult query(String promql, Instant time) {
    long ms = time.toEpochMilli();
    String seconds = String.format(Locale.ROOT, "%d.%03d", ms / 1000, ms % 1000);
    return result(get("/api/v1/query?query=" + encode(promql) + "&time=" + seconds));
  }

  private static QueryResult result(JsonNode body) {
    return new QueryResult(
        body.path("status").asText(),
        body.path("error").asText(null),
        body.path("data").path("result"));
  }

  /** Names of every series Prometheus holds: scraped, recorded and {@code ALERTS}. */
  public Set<String> metricNames() {
    Set<String> names = new TreeSet<>();
    get("/api/v1/label/__name__/values").path("data").forEach(n -> names.add(n.asText()));
    return names;
  }

  /** Values of {@code label} over the series matching {@code selector} (Grafana's label_values). */
  public Set<String> labelValues(String selector, String label) {
    Set<String> values = new TreeSet<>();
    get("/api/v1/series?match[]=" + encode(selector))
        .path("data")
        .forEach(
            series -> {
              if (series.has(label)) {
                values.add(series.get(label).asText());
              }
            });
    return values;
  }

  /** The {@code groups} of {@code /api/v1/rules}. */
  public JsonNode ruleGroups() {
    return get("/api/v1/rules").path("data").path("groups");
  }

  /** Alerts from {@code /api/v1/alerts}, pending and firing. */
  public JsonNode alerts() {
    return get("/api/v1/alerts").path("data").path("alerts");
  }

  /** Waits until an alert named {@code alertname} is firing; returns it (labels, annotations). */
  public JsonNode awaitAlertFiring(String alertname, Duration timeout) {
    JsonNode[] found = new JsonNode[1];
    await()
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(500))
        .alias(alertname + " firing")
        .until(
            () -> {
              for (JsonNode alert : alerts()) {
                if (alert.path("labels").path("alertname").asText().equals(alertname)
                    && alert.path("state").asText().equals("firing")) {
                  found[0] = alert;
                  return true;
                }
              }
              return false;
            });
    return found[0];
  }

  private JsonNode get(String pathAndQuery) {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(base + pathAndQuery)).build(),
              HttpResponse.BodyHandlers.ofString());
      // Errors (bad PromQL) come back as 4xx with a JSON body that says why: keep it.
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    daemon.close();
  }
}
