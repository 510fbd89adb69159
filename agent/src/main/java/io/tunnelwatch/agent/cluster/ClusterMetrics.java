package io.tunnelwatch.agent.cluster;

import com.hazelcast.map.LocalMapStats;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.tunnelwatch.core.metrics.MetricContract;
import io.tunnelwatch.core.metrics.MetricFamily;
import java.util.function.IntSupplier;

/** The {@code tunnelwatch_cluster_*} families of a member (docs/metrics.md). */
public final class ClusterMetrics {

  private final Counter migrations;
  private final Counter forwarded;

  /** Registers the families; the gauges read {@code member} and {@code owned} at scrape time. */
  public ClusterMetrics(PrometheusRegistry registry, ClusterMember member, IntSupplier owned) {
    gauge(registry, MetricContract.CLUSTER_MEMBERS, member::memberCount);
    gauge(registry, MetricContract.CLUSTER_OWNED_DEVICES, owned);
    gauge(
        registry,
        MetricContract.CLUSTER_STATE_MAP_ENTRIES,
        () -> (int) localStats(member).getOwnedEntryCount());
    GaugeWithCallback.builder()
        .name(MetricContract.CLUSTER_STATE_MAP_BYTES.name())
        .help(MetricContract.CLUSTER_STATE_MAP_BYTES.help())
        .callback(cb -> cb.call((double) localStats(member).getOwnedEntryMemoryCost()))
        .register(registry);
    migrations = counter(registry, MetricContract.CLUSTER_DEVICE_MIGRATIONS);
    migrations.labelValues("acquired");
    migrations.labelValues("released");
    forwarded = counter(registry, MetricContract.CLUSTER_OBSERVATIONS_FORWARDED);
    forwarded.labelValues("sent");
    forwarded.labelValues("refused");
  }

  private static LocalMapStats localStats(ClusterMember member) {
    return member.deviceStates().getLocalMapStats();
  }

  void acquired() {
    migrations.labelValues("acquired").inc();
  }

  void released(int devices) {
    migrations.labelValues("released").inc(devices);
  }

  void observationForwarded(boolean sent) {
    forwarded.labelValues(sent ? "sent" : "refused").inc();
  }

  private static void gauge(
      PrometheusRegistry registry, MetricFamily.Gauge family, IntSupplier value) {
    GaugeWithCallback.builder()
        .name(family.name())
        .help(family.help())
        .callback(cb -> cb.call(value.getAsInt()))
        .register(registry);
  }

  private static Counter counter(PrometheusRegistry registry, MetricFamily.Counter family) {
    return Counter.builder()
        .name(family.name())
        .help(family.help())
        .labelNames(family.labelNames().toArray(String[]::new))
        .register(registry);
  }
}
