package io.tunnelwatch.agent.report.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunnelwatch.agent.report.RekeyPolicy;
import io.tunnelwatch.agent.report.ReportEngine;
import io.tunnelwatch.agent.report.ReportPeriod;
import io.tunnelwatch.agent.report.ReportRequest;
import io.tunnelwatch.agent.report.Selection;
import io.tunnelwatch.agent.report.StabilityReport;
import io.tunnelwatch.agent.report.SubjectReport;
import io.tunnelwatch.testing.process.ProcessRunner;
import io.tunnelwatch.testing.prometheus.PrometheusServer;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two days of exported metrics backfilled into a real Prometheus (promtool create-blocks-from
 * openmetrics), then read back through the HTTP API into a report.
 */
class PrometheusReportSourceIT {

  private static final String FLOW = "10.0.0.1/32:47->10.0.0.2/32:47";

  @TempDir Path dir;

  private PrometheusServer prometheus;
  private URI url;
  // recent enough that Prometheus keeps the blocks: the day before yesterday is reported
  private final Instant d2 = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(1));
  private final Instant d1 = d2.minus(Duration.ofDays(1));
  private final Instant d0 = d1.minus(Duration.ofDays(1));

  @BeforeEach
  void startPrometheus() throws Exception {
    Path metrics = dir.resolve("metrics.om");
    Files.writeString(metrics, openMetrics());
    Path data = Files.createDirectories(dir.resolve("data"));
    ProcessRunner.run(
            "promtool",
            "tsdb",
            "create-blocks-from",
            "openmetrics",
            metrics.toString(),
            data.toString())
        .requireSuccess();
    Path config = dir.resolve("prometheus.yml");
    Files.writeString(config, "global:\n  scrape_interval: 1m\n");
    prometheus = PrometheusServer.start(dir.resolve("prometheus"), config, data);
    url = prometheus.base();
  }

  @AfterEach
  void stopPrometheus() {
    if (prometheus != null) {
      prometheus.close();
    }
  }

  /**
   * R1 polled every minute over two days except 20:00-22:00 on the reported day; Tunnel10 down
   * 10:00-10:30 that day; an IPsec rekey at every half hour the agent saw; 1000 bytes a minute; CPU
   * 20 % except 90 % at 15:00.
   */
  private String openMetrics() {
    StringBuilder up = new StringBuilder("# TYPE tunnelwatch_device_up gauge\n");
    StringBuilder tunnel = new StringBuilder("# TYPE tunnelwatch_tunnel_up gauge\n");
    StringBuilder sa = new StringBuilder("# TYPE tunnelwatch_ipsec_sa_up gauge\n");
    StringBuilder rekeys = new StringBuilder("# TYPE tunnelwatch_ipsec_rekeys counter\n");
    StringBuilder bytes = new StringBuilder("# TYPE tunnelwatch_tunnel_transmit_bytes counter\n");
    StringBuilder cpu = new StringBuilder("# TYPE tunnelwatch_device_cpu_ratio gauge\n");
    StringBuilder stalled = new StringBuilder("# TYPE tunnelwatch_ipsec_counters_stalled gauge\n");
    long rekeyCount = 0;
    for (Instant t = d0; t.isBefore(d2); t = t.plusSeconds(60)) {
      long s = t.getEpochSecond();
      Duration intoDay1 = Duration.between(d1, t);
      boolean gap = !intoDay1.isNegative() && intoDay1.toHours() >= 20 && intoDay1.toHours() < 22;
      if (gap) {
        continue;
      }
      boolean down =
          !intoDay1.isNegative() && intoDay1.toMinutes() >= 600 && intoDay1.toMinutes() < 630;
      if (t.atZone(java.time.ZoneOffset.UTC).getMinute() == 30) {
        rekeyCount++;
      }
      long minutes = Duration.between(d0, t).toMinutes();
      boolean peak = intoDay1.toMinutes() == 15 * 60;
      up.append(
          String.format(
              Locale.ROOT, "tunnelwatch_device_up{device=\"R1\",source=\"ssh\"} 1 %d%n", s));
      tunnel.append(
          String.format(
              Locale.ROOT,
              "tunnelwatch_tunnel_up{device=\"R1\",tunnel=\"Tunnel10\"} %d %d%n",
              down ? 0 : 1,
              s));
      sa.append(
          String.format(
              Locale.ROOT,
              "tunnelwatch_ipsec_sa_up{device=\"R1\",peer=\"200.0.0.1\",flow=\"%s\"} 1 %d%n",
              FLOW,
              s));
      rekeys.append(
          String.format(
              Locale.ROOT,
              "tunnelwatch_ipsec_rekeys_total{device=\"R1\",peer=\"200.0.0.1\",flow=\"%s\"} %d %d%n",
              FLOW,
              rekeyCount,
              s));
      bytes.append(
          String.format(
              Locale.ROOT,
              "tunnelwatch_tunnel_transmit_bytes_total{device=\"R1\",tunnel=\"Tunnel10\"} %d %d%n",
              minutes * 1000,
              s));
      boolean stall =
          !intoDay1.isNegative() && intoDay1.toMinutes() >= 300 && intoDay1.toMinutes() < 345;
      stalled.append(
          String.format(
              Locale.ROOT,
              "tunnelwatch_ipsec_counters_stalled{device=\"R1\",peer=\"200.0.0.1\",flow=\"%s\"} %d %d%n",
              FLOW,
              stall ? 1 : 0,
              s));
      cpu.append(
          String.format(
              Locale.ROOT,
              "tunnelwatch_device_cpu_ratio{device=\"R1\",window=\"5s\"} %s %d%n",
              peak ? "0.9" : "0.2",
              s));
    }
    return up.append(tunnel)
        .append(sa)
        .append(rekeys)
        .append(bytes)
        .append(cpu)
        .append(stalled)
        .append("# EOF\n")
        .toString();
  }

  @Test
  void aReportFromPrometheusMatchesWhatTheMetricsSaid() throws Exception {
    ReportPeriod period = new ReportPeriod(d1, d2);
    PrometheusReportSource source =
        new PrometheusReportSource(
            new PrometheusClient(url, Duration.ofSeconds(30)), Duration.ofMinutes(1));

    StabilityReport report =
        new ReportEngine()
            .compute(
                new ReportRequest(period, Selection.ALL, RekeyPolicy.IOS_DEFAULTS, List.of()),
                source.read(period),
                d2);

    SubjectReport t = report.tunnels().get(0);
    assertThat(t.subject().key()).isEqualTo("R1/tunnel/Tunnel10");
    assertThat(t.related()).containsExactly("200.0.0.1");
    assertThat(t.figures().downMillis()).isEqualTo(Duration.ofMinutes(30).toMillis());
    assertThat(t.figures().outages()).isEqualTo(1);
    // the 2 h without samples, less Prometheus' 5-minute lookback that keeps the last sample alive
    assertThat(t.figures().unknownMillis()).isEqualTo(Duration.ofMinutes(115).toMillis());
    assertThat(t.figures().availabilityPercent()).contains(new BigDecimal("97.736"));
    assertThat(t.previous().availabilityPercent()).contains(new BigDecimal("100.000"));
    // one rekey in each of the 22 hours fully seen
    assertThat(t.rekeys().ipsec()).isEqualTo(22);
    assertThat(t.traffic().transmitBytes()).isEqualTo(22 * 60_000L);
    assertThat(t.problems().stallEpisodes()).isEqualTo(1);
    assertThat(t.problems().stallMillis()).isEqualTo(Duration.ofMinutes(45).toMillis());
    assertThat(t.cpuPeak())
        .hasValueSatisfying(
            p -> {
              assertThat(p.maxRatio()).isEqualTo(0.9);
              assertThat(p.hour()).isEqualTo(d1.plus(Duration.ofHours(15)));
            });
  }
}
