package io.tunnelwatch.core.metrics;

import java.util.List;

/**
 * One exported metric family as the contract declares it (docs/metrics.md): its name (without the
 * {@code _total} that the exposition adds to counters), help text and label names.
 */
public sealed interface MetricFamily
    permits MetricFamily.Counter, MetricFamily.Gauge, MetricFamily.Histogram {

  String name();

  String help();

  List<String> labelNames();

  /** The name scrapers see: counters carry {@code _total}. */
  String exposedName();

  /** The Prometheus type name ({@code counter}, {@code gauge}, {@code histogram}). */
  String type();

  /** A counter family. */
  record Counter(String name, String help, List<String> labelNames) implements MetricFamily {
    public Counter {
      labelNames = List.copyOf(labelNames);
    }

    @Override
    public String exposedName() {
      return name + "_total";
    }

    @Override
    public String type() {
      return "counter";
    }

    /** A builder for one scrape's data points of this family. */
    public FamilyBuilder.Counter builder() {
      return new FamilyBuilder.Counter(this);
    }
  }

  /** A gauge family. */
  record Gauge(String name, String help, List<String> labelNames) implements MetricFamily {
    public Gauge {
      labelNames = List.copyOf(labelNames);
    }

    @Override
    public String exposedName() {
      return name;
    }

    @Override
    public String type() {
      return "gauge";
    }

    /** A builder for one scrape's data points of this family. */
    public FamilyBuilder.Gauge builder() {
      return new FamilyBuilder.Gauge(this);
    }
  }

  /**
   * A histogram family, for the agent's own live measurements.
   *
   * @param bucketBounds upper bounds of the classic buckets, ascending ({@code +Inf} is implied)
   */
  record Histogram(String name, String help, List<String> labelNames, List<Double> bucketBounds)
      implements MetricFamily {
    public Histogram {
      labelNames = List.copyOf(labelNames);
      bucketBounds = List.copyOf(bucketBounds);
    }

    @Override
    public String exposedName() {
      return name;
    }

    @Override
    public String type() {
      return "histogram";
    }
  }
}
