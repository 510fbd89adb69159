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

/**
 * Gathers one scrape's data points of a {@link MetricContract} family, then builds its snapshot.
 * Label values are given in the order of the family's label names, so a producer can neither
 * misspell nor forget a label.
 */
public abstract sealed class FamilyBuilder {

  private final MetricFamily family;

  /**
   * Label sets already used: a snapshot with the same labels twice is invalid, and two rows of one
   * identity (say, two IKE SAs to one peer during a rekey) must not break the whole scrape.
   */
  private final Set<Labels> seen = new HashSet<>();

  private FamilyBuilder(MetricFamily family) {
    this.family = family;
  }

  public abstract boolean isEmpty();

  public abstract MetricSnapshot build();

  /** The labels for these values, or empty when this label set was already added. */
  Optional<Labels> firstTime(String... labelValues) {
    List<String> names = family.labelNames();
    if (labelValues.length != names.size()) {
      throw new IllegalArgumentException(
          family.name() + " has labels " + names + ", got " + labelValues.length + " values");
    }
    Labels labels = Labels.of(names.toArray(String[]::new), labelValues);
    return seen.add(labels) ? Optional.of(labels) : Optional.empty();
  }

  /** Builds a gauge family. */
  public static final class Gauge extends FamilyBuilder {
    private final MetricFamily.Gauge family;
    private final List<GaugeDataPointSnapshot> points = new ArrayList<>();

    Gauge(MetricFamily.Gauge family) {
      super(family);
      this.family = family;
    }

    public void add(double value, String... labelValues) {
      firstTime(labelValues)
          .ifPresent(
              labels ->
                  points.add(GaugeDataPointSnapshot.builder().value(value).labels(labels).build()));
    }

    public void add(boolean value, String... labelValues) {
      add(value ? 1.0 : 0.0, labelValues);
    }

    public void addIfPresent(OptionalLong value, String... labelValues) {
      value.ifPresent(v -> add((double) v, labelValues));
    }

    @Override
    public boolean isEmpty() {
      return points.isEmpty();
    }

    @Override
    public GaugeSnapshot build() {
      GaugeSnapshot.Builder builder =
          GaugeSnapshot.builder().name(family.name()).help(family.help());
      points.forEach(builder::dataPoint);
      return builder.build();
    }
  }

  /** Builds a counter family. */
  public static final class Counter extends FamilyBuilder {
    private final MetricFamily.Counter family;
    private final List<CounterDataPointSnapshot> points = new ArrayList<>();

    Counter(MetricFamily.Counter family) {
      super(family);
      this.family = family;
    }

    /**
     * @param created when the series began (exposed as {@code _created} where the format has it)
     */
    public void add(long value, Optional<Instant> created, String... labelValues) {
      firstTime(labelValues)
          .ifPresent(
              labels -> {
                CounterDataPointSnapshot.Builder point =
                    CounterDataPointSnapshot.builder().value((double) value).labels(labels);
                created.ifPresent(t -> point.createdTimestampMillis(t.toEpochMilli()));
                points.add(point.build());
              });
    }

    public void addIfPresent(OptionalLong value, Optional<Instant> created, String... labelValues) {
      value.ifPresent(v -> add(v, created, labelValues));
    }

    public void addIfPresent(OptionalLong value, String... labelValues) {
      addIfPresent(value, Optional.empty(), labelValues);
    }

    @Override
    public boolean isEmpty() {
      return points.isEmpty();
    }

    @Override
    public CounterSnapshot build() {
      CounterSnapshot.Builder builder =
          CounterSnapshot.builder().name(family.name()).help(family.help());
      points.forEach(builder::dataPoint);
      return builder.build();
    }
  }
}
