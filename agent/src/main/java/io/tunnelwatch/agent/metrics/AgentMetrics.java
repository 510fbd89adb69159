package io.tunnelwatch.agent.metrics;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.GaugeDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.tunnelwatch.agent.BuildInfo;
import io.tunnelwatch.core.metrics.MetricContract;
import io.tunnelwatch.core.metrics.MetricFamily;
import io.tunnelwatch.snmp.trap.TrapReceiver;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import java.util.function.ToLongFunction;

/**
 * The agent's own metric families of the {@link MetricContract} (polls, parse warnings, traps,
 * notifications), as live client_java metrics in the agent's registry. Micrometer is left with the
 * JVM and process binders only.
 */
public final class AgentMetrics {

  private final PrometheusRegistry registry;
  private final Counter polls;
  private final Counter pollFailures;
  private final Counter parseWarnings;
  private final Histogram scheduleLag;
  private final Counter pollsSkipped;
  private final Counter notificationsSent;
  private final Counter notificationsFailed;
  private final Counter notificationsDropped;
  private final Gauge destinationUp;
  private final Gauge reloadSuccessful;
  private final Gauge reloadSuccessTimestamp;

  /** Outbox sizes by sink and destination; the first outbox of a destination is the one shown. */
  private final Map<List<String>, IntSupplier> queues = new ConcurrentHashMap<>();

  /** Registers the agent's families in {@code registry}. */
  public AgentMetrics(PrometheusRegistry registry) {
    this.registry = registry;
    polls = counter(MetricContract.POLLS);
    pollFailures = counter(MetricContract.POLL_FAILURES);
    parseWarnings = counter(MetricContract.PARSE_WARNINGS);
    scheduleLag = histogram(MetricContract.POLL_SCHEDULE_LAG);
    pollsSkipped = counter(MetricContract.POLLS_SKIPPED);
    notificationsSent = counter(MetricContract.NOTIFICATIONS_SENT);
    notificationsFailed = counter(MetricContract.NOTIFICATIONS_FAILED);
    notificationsDropped = counter(MetricContract.NOTIFICATIONS_DROPPED);
    destinationUp = gauge(MetricContract.NOTIFICATIONS_DESTINATION_UP);
    reloadSuccessful = gauge(MetricContract.CONFIG_LAST_RELOAD_SUCCESSFUL);
    reloadSuccessTimestamp = gauge(MetricContract.CONFIG_LAST_RELOAD_SUCCESS_TIMESTAMP);
    MetricFamily.Gauge queued = MetricContract.NOTIFICATIONS_QUEUED;
    GaugeWithCallback.builder()
        .name(queued.name())
        .help(queued.help())
        .labelNames(labelNames(queued))
        .callback(
            cb ->
                queues.forEach(
                    (labels, size) -> cb.call(size.getAsInt(), labels.toArray(String[]::new))))
        .register(registry);
  }

  /** {@code tunnelwatch_build_info}: which build runs, as Prometheus exporters say it. */
  public void buildInfo(BuildInfo build, String javaVersion) {
    MetricFamily.Gauge family = MetricContract.BUILD_INFO;
    Gauge.builder()
        .name(family.name())
        .help(family.help())
        .labelNames(labelNames(family))
        .register(registry)
        .labelValues(build.version(), build.revision(), javaVersion)
        .set(1);
  }

  /** The configuration was loaded (at start, or by a reload) at {@code at}. */
  public void configLoaded(Instant at) {
    reloadSuccessful.set(1);
    reloadSuccessTimestamp.set(at.toEpochMilli() / 1000.0);
  }

  /** A reload failed: the running configuration, and its timestamp, stay. */
  public void configReloadFailed() {
    reloadSuccessful.set(0);
  }

  /** Drops the per-device series of the agent's own families (the device was removed). */
  public void forgetDevice(String device) {
    pollsSkipped.remove(device);
  }

  /** Exposes the SNMP request window, read at scrape time. */
  public void watchSnmpRequests(IntSupplier inFlight, IntSupplier queued) {
    gaugeOf(MetricContract.SNMP_REQUESTS_IN_FLIGHT, inFlight);
    gaugeOf(MetricContract.SNMP_REQUESTS_QUEUED, queued);
  }

  private void gaugeOf(MetricFamily.Gauge family, IntSupplier value) {
    GaugeWithCallback.builder()
        .name(family.name())
        .help(family.help())
        .callback(cb -> cb.call(value.getAsInt()))
        .register(registry);
  }

  /** Metrics that no scrape sees, for code run outside an agent (tests, benchmarks). */
  public static AgentMetrics unregistered() {
    return new AgentMetrics(new PrometheusRegistry());
  }

  private Gauge gauge(MetricFamily.Gauge family) {
    return Gauge.builder()
        .name(family.name())
        .help(family.help())
        .labelNames(labelNames(family))
        .register(registry);
  }

  private Counter counter(MetricFamily.Counter family) {
    return Counter.builder()
        .name(family.name())
        .help(family.help())
        .labelNames(labelNames(family))
        .register(registry);
  }

  private Histogram histogram(MetricFamily.Histogram family) {
    return Histogram.builder()
        .name(family.name())
        .help(family.help())
        .labelNames(labelNames(family))
        .classicOnly()
        .classicUpperBounds(
            family.bucketBounds().stream().mapToDouble(Double::doubleValue).toArray())
        .register(registry);
  }

  private static String[] labelNames(MetricFamily family) {
    return family.labelNames().toArray(String[]::new);
  }

  /** Polls started, by {@code source}. */
  public Counter polls() {
    return polls;
  }

  /** Polls that failed, by {@code source} and {@code reason}. */
  public Counter pollFailures() {
    return pollFailures;
  }

  /** How late polls start, in seconds. */
  public Histogram scheduleLag() {
    return scheduleLag;
  }

  /** Polls dropped for being a whole interval late, by {@code device}. */
  public Counter pollsSkipped() {
    return pollsSkipped;
  }

  /** Output parts not understood, by {@code command}. */
  public Counter parseWarnings() {
    return parseWarnings;
  }

  /**
   * The sum of every series of one of the agent's families, as PromQL's {@code sum()} shows it (for
   * a histogram: the number of observations).
   */
  public double sum(MetricFamily family) {
    double sum = 0;
    for (MetricSnapshot snapshot : registry.scrape()) {
      if (snapshot.getMetadata().getName().equals(family.name())) {
        for (DataPointSnapshot point : snapshot.getDataPoints()) {
          sum += value(point);
        }
      }
    }
    return sum;
  }

  private static double value(DataPointSnapshot point) {
    if (point instanceof CounterDataPointSnapshot counter) {
      return counter.getValue();
    }
    if (point instanceof GaugeDataPointSnapshot gauge) {
      return gauge.getValue();
    }
    if (point instanceof HistogramDataPointSnapshot histogram) {
      return histogram.getCount();
    }
    throw new IllegalArgumentException("not a counter or gauge: " + point);
  }

  /**
   * The counters of one notification destination, present at 0 from the start.
   *
   * @param queued the number of notifications waiting for it, read at scrape time
   */
  public Delivery delivery(String sink, String destination, IntSupplier queued) {
    queues.putIfAbsent(List.of(sink, destination), queued);
    GaugeDataPoint up = destinationUp.labelValues(sink, destination);
    up.set(1);
    return new Delivery(
        notificationsSent.labelValues(sink, destination),
        notificationsFailed.labelValues(sink, destination),
        notificationsDropped.labelValues(sink, destination),
        up);
  }

  /** Counts the receiver's notifications by outcome, read from it at scrape time. */
  public void countTraps(TrapReceiver receiver) {
    List<TrapOutcome> outcomes =
        List.of(
            new TrapOutcome("accepted", r -> r.counts().accepted()),
            new TrapOutcome("unknown_source", r -> r.counts().unknownSource()),
            new TrapOutcome("bad_credentials", r -> r.counts().badCommunity()),
            new TrapOutcome("unsupported", r -> r.counts().unsupported()),
            new TrapOutcome("rate_limited", r -> r.counts().rateLimited()),
            new TrapOutcome("malformed", r -> r.counts().malformed()));
    MetricFamily.Counter traps = MetricContract.TRAPS;
    CounterWithCallback.builder()
        .name(traps.name())
        .help(traps.help())
        .labelNames(labelNames(traps))
        .callback(
            cb ->
                outcomes.forEach(
                    o -> cb.call((double) o.count().applyAsLong(receiver), o.outcome())))
        .register(registry);
  }

  /** One destination's delivery counters. */
  /**
   * @param up 1 while the destination takes notifications, 0 while attempts fail
   */
  public record Delivery(
      CounterDataPoint sent,
      CounterDataPoint failed,
      CounterDataPoint dropped,
      GaugeDataPoint up) {}

  private record TrapOutcome(String outcome, ToLongFunction<TrapReceiver> count) {}
}
