package io.tunnelwatch.agent.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.tunnelwatch.agent.metrics.AgentMetrics;
import io.tunnelwatch.core.metrics.MetricContract;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleMetricsTest {

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final ScheduleMetrics metrics =
      new ScheduleMetrics(new AgentMetrics(registry), List.of("R1", "R2"));

  private MetricSnapshot family(String name) {
    return registry.scrape().stream()
        .filter(s -> s.getMetadata().getName().equals(name))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void everyDeviceHasASkippedSeriesAtZeroFromTheStart() {
    CounterSnapshot skipped = (CounterSnapshot) family(MetricContract.POLLS_SKIPPED.name());

    assertThat(skipped.getDataPoints())
        .extracting(
            p -> p.getLabels().get("device"), CounterSnapshot.CounterDataPointSnapshot::getValue)
        .containsExactlyInAnyOrder(tuple("R1", 0.0), tuple("R2", 0.0));
  }

  @Test
  void skipsAreCountedPerDeviceAndLagIsObservedInSeconds() {
    metrics.pollSkipped("R2", Duration.ofSeconds(70));
    metrics.pollStarted("R1", Duration.ofMillis(1500));
    metrics.pollStarted("R2", Duration.ZERO);

    CounterSnapshot skipped = (CounterSnapshot) family(MetricContract.POLLS_SKIPPED.name());
    HistogramSnapshot lag = (HistogramSnapshot) family(MetricContract.POLL_SCHEDULE_LAG.name());

    assertThat(skipped.getDataPoints())
        .filteredOn(p -> p.getLabels().get("device").equals("R2"))
        .singleElement()
        .extracting(CounterSnapshot.CounterDataPointSnapshot::getValue)
        .isEqualTo(1.0);
    HistogramSnapshot.HistogramDataPointSnapshot point = lag.getDataPoints().get(0);
    assertThat(point.getCount()).isEqualTo(2);
    assertThat(point.getSum()).isEqualTo(1.5);
  }
}
