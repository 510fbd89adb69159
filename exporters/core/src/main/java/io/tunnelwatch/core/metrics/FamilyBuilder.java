package io.tunnelwatch.core.metrics;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/** Gathers the data points of one metric family across all devices, then builds its snapshot. */
abstract sealed class FamilyBuilder {

  final String name;
  final String help;

  /**
   * Label sets already used: a snapshot with the same labels twice is invalid, and two rows of one
   * identity (say, two IKE SAs to one peer during a rekey) must not break the whole scrape.
   */
  private final Set<Labels> seen = new HashSet<>();

  private FamilyBuilder(String name, String help) {
    this.name = name;
    this.help = help;
  }

  abstract boolean isEmpty();

  /** True the first time these labels are offered. */
  boolean firstTime(Labels labels) {
    return seen.add(labels);
  }

  abstract MetricSnapshot build();

  static Gauge gauge(String name, String help) {
    return new Gauge(name, help);
  }

  static Counter counter(String name, String help) {
    return new Counter(name, help);
  }

  static final class Gauge extends FamilyBuilder {
    private final List<GaugeDataPointSnapshot> points = new ArrayList<>();

    private Gauge(String name, String help) {
      super(name, help);
    }

    void add(double value, String... labelPairs) {
      Labels labels = Labels.of(labelPairs);
      if (firstTime(labels)) {
        points.add(GaugeDataPointSnapshot.builder().value(value).labels(labels).build());
      }
    }

    void add(boolean value, String... labelPairs) {
      add(value ? 1.0 : 0.0, labelPairs);
    }

    void addIfPresent(OptionalLong value, String... labelPairs) {
      value.ifPresent(v -> add((double) v, labelPairs));
    }

    @Override
    boolean isEmpty() {
      return points.isEmpty();
    }

    @Override
    MetricSnapshot build() {
      GaugeSnapshot.Builder builder = GaugeSnapshot.builder().name(name).help(help);
      points.forEach(builder::dataPoint);
      return builder.build();
    }
  }

  static final class Counter extends FamilyBuilder {
    private final List<CounterDataPointSnapshot> points = new ArrayList<>();

    private Counter(String name, String help) {
      super(name, help);
    }

    void addIfPresent(OptionalLong value, String... labelPairs) {
      addIfPresent(value, Optional.empty(), labelPairs);
    }

    /**
     * @param created when the series began (exposed as {@code _created} where the format has it)
     */
    void addIfPresent(OptionalLong value, Optional<Instant> created, String... labelPairs) {
      if (value.isEmpty()) {
        return;
      }
      Labels labels = Labels.of(labelPairs);
      if (firstTime(labels)) {
        CounterDataPointSnapshot.Builder point =
            CounterDataPointSnapshot.builder().value((double) value.getAsLong()).labels(labels);
        created.ifPresent(t -> point.createdTimestampMillis(t.toEpochMilli()));
        points.add(point.build());
      }
    }

    @Override
    boolean isEmpty() {
      return points.isEmpty();
    }

    @Override
    MetricSnapshot build() {
      CounterSnapshot.Builder builder = CounterSnapshot.builder().name(name).help(help);
      points.forEach(builder::dataPoint);
      return builder.build();
    }
  }
}
