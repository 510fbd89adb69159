package io.tunnelwatch.core.metrics;

import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.tunnelwatch.core.counters.CounterField;
import io.tunnelwatch.core.counters.SeriesKey;
import io.tunnelwatch.core.model.CpuLoad;
import io.tunnelwatch.core.model.DeviceSnapshot;
import io.tunnelwatch.core.model.IkeSa;
import io.tunnelwatch.core.model.IkeVersion;
import io.tunnelwatch.core.model.InterfaceCounters;
import io.tunnelwatch.core.model.IpsecCounters;
import io.tunnelwatch.core.model.IpsecFlow;
import io.tunnelwatch.core.model.TunnelInterface;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Turns device views into the device-data metric families of the metric contract (docs/metrics.md).
 * A pure function: it reads nothing but its argument.
 */
public final class DeviceFamilies {

  /** IKEv1 main/aggressive/quick mode states, and IKEv2 states, as IOS prints them. */
  private static final List<String> IKEV1_STATES =
      List.of(
          "MM_NO_STATE",
          "MM_SA_SETUP",
          "MM_KEY_EXCH",
          "MM_KEY_AUTH",
          "AG_NO_STATE",
          "AG_INIT_EXCH",
          "AG_AUTH",
          "QM_IDLE");

  private static final List<String> IKEV2_STATES = List.of("IN-NEG", "READY", "DELETE");

  private final FamilyBuilder.Gauge deviceUp = MetricContract.DEVICE_UP.builder();
  private final FamilyBuilder.Gauge lastSuccess = MetricContract.DEVICE_LAST_SUCCESS.builder();
  private final FamilyBuilder.Gauge pollDuration = MetricContract.DEVICE_POLL_DURATION.builder();
  private final FamilyBuilder.Gauge cpu = MetricContract.DEVICE_CPU.builder();
  private final FamilyBuilder.Gauge tunnelInfo = MetricContract.TUNNEL_INFO.builder();
  private final FamilyBuilder.Gauge tunnelUp = MetricContract.TUNNEL_UP.builder();
  private final FamilyBuilder.Counter tunnelRxBytes = MetricContract.TUNNEL_RECEIVE_BYTES.builder();
  private final FamilyBuilder.Counter tunnelTxBytes =
      MetricContract.TUNNEL_TRANSMIT_BYTES.builder();
  private final FamilyBuilder.Counter tunnelRxPackets =
      MetricContract.TUNNEL_RECEIVE_PACKETS.builder();
  private final FamilyBuilder.Counter tunnelTxPackets =
      MetricContract.TUNNEL_TRANSMIT_PACKETS.builder();
  private final FamilyBuilder.Counter tunnelRxDrops = MetricContract.TUNNEL_RECEIVE_DROPS.builder();
  private final FamilyBuilder.Counter tunnelTxDrops =
      MetricContract.TUNNEL_TRANSMIT_DROPS.builder();
  private final FamilyBuilder.Counter tunnelRxErrors =
      MetricContract.TUNNEL_RECEIVE_ERRORS.builder();
  private final FamilyBuilder.Counter tunnelTxErrors =
      MetricContract.TUNNEL_TRANSMIT_ERRORS.builder();
  private final FamilyBuilder.Gauge ikeUp = MetricContract.IKE_SA_UP.builder();
  private final FamilyBuilder.Gauge ikeState = MetricContract.IKE_SA_STATE.builder();
  private final FamilyBuilder.Gauge ikeLifetime = MetricContract.IKE_SA_LIFETIME.builder();
  private final FamilyBuilder.Gauge ipsecUp = MetricContract.IPSEC_SA_UP.builder();
  private final FamilyBuilder.Counter encrypted = MetricContract.IPSEC_ENCRYPTED.builder();
  private final FamilyBuilder.Counter decrypted = MetricContract.IPSEC_DECRYPTED.builder();
  private final FamilyBuilder.Counter encapsulated = MetricContract.IPSEC_ENCAPSULATED.builder();
  private final FamilyBuilder.Counter decapsulated = MetricContract.IPSEC_DECAPSULATED.builder();
  private final FamilyBuilder.Counter ipsecRxBytes = MetricContract.IPSEC_RECEIVE_BYTES.builder();
  private final FamilyBuilder.Counter ipsecTxBytes = MetricContract.IPSEC_TRANSMIT_BYTES.builder();
  private final FamilyBuilder.Counter ipsecErrors = MetricContract.IPSEC_ERRORS.builder();
  private final FamilyBuilder.Gauge ipsecLifetime = MetricContract.IPSEC_SA_LIFETIME.builder();

  /**
   * The families about one kind of object, contiguous in contract order. A scrape builds them one
   * section at a time, so that a large fleet's data points are never all in memory at once.
   */
  private enum Section {
    DEVICE,
    TUNNEL,
    IKE_SA,
    IPSEC_SA
  }

  private final Section section;

  private DeviceFamilies(Section section) {
    this.section = section;
  }

  /** The device-data families for the given devices, in contract order. */
  public static MetricSnapshots of(List<DeviceView> devices) {
    MetricSnapshots.Builder all = MetricSnapshots.builder();
    inSections(devices, part -> part.forEach(all::metricSnapshot));
    return all.build();
  }

  /**
   * The same families as {@link #of}, in the same order, handed over one section at a time: a
   * consumer that writes each part out and lets it go holds only the largest section's points.
   */
  public static void inSections(List<DeviceView> devices, Consumer<MetricSnapshots> sink) {
    for (Section section : Section.values()) {
      DeviceFamilies families = new DeviceFamilies(section);
      devices.forEach(families::add);
      MetricSnapshots part = families.build();
      if (part.size() > 0) {
        sink.accept(part);
      }
    }
  }

  /** When the series of the device being added began, by series. */
  private Map<SeriesKey, Instant> created = Map.of();

  private void add(DeviceView view) {
    created = view.counterCreated();
    if (section == Section.DEVICE) {
      addHealth(view);
    }
    view.snapshot().ifPresent(this::add);
  }

  private void addHealth(DeviceView view) {
    String device = view.device();
    for (SourceHealth health : view.sources()) {
      String source = health.source().label();
      deviceUp.add(health.up(), device, source);
      health
          .lastSuccess()
          .ifPresent(t -> lastSuccess.add(t.toEpochMilli() / 1000.0, device, source));
      pollDuration.add(health.lastPollDuration().toNanos() / 1e9, device, source);
    }
  }

  private void add(DeviceSnapshot snapshot) {
    String device = snapshot.device();
    switch (section) {
      case DEVICE -> snapshot.cpu().ifPresent(load -> addCpu(device, load));
      case TUNNEL -> snapshot.tunnels().forEach(t -> addTunnel(device, t));
      case IKE_SA -> snapshot.ikeSas().forEach(sa -> addIkeSa(device, sa));
      case IPSEC_SA -> snapshot.ipsecFlows().forEach(flow -> addIpsecFlow(device, flow));
    }
  }

  private void addCpu(String device, CpuLoad load) {
    cpu.add(load.fiveSeconds(), device, "5s");
    cpu.add(load.oneMinute(), device, "1m");
    cpu.add(load.fiveMinutes(), device, "5m");
  }

  private void addTunnel(String device, TunnelInterface tunnel) {
    String name = tunnel.name();
    tunnelInfo.add(
        1.0, device, name, tunnel.sourceAddress(), tunnel.destinationAddress(), tunnel.mode());
    tunnelUp.add(tunnel.lineProtocolUp(), device, name);
    InterfaceCounters c = tunnel.counters();
    Series series = new Series(SeriesKey.tunnelObject(name), device, name);
    add(tunnelRxBytes, c.receiveBytes(), CounterField.TUNNEL_RECEIVE_BYTES, series);
    add(tunnelTxBytes, c.transmitBytes(), CounterField.TUNNEL_TRANSMIT_BYTES, series);
    add(tunnelRxPackets, c.receivePackets(), CounterField.TUNNEL_RECEIVE_PACKETS, series);
    add(tunnelTxPackets, c.transmitPackets(), CounterField.TUNNEL_TRANSMIT_PACKETS, series);
    add(tunnelRxDrops, c.receiveDrops(), CounterField.TUNNEL_RECEIVE_DROPS, series);
    add(tunnelTxDrops, c.transmitDrops(), CounterField.TUNNEL_TRANSMIT_DROPS, series);
    add(tunnelRxErrors, c.receiveErrors(), CounterField.TUNNEL_RECEIVE_ERRORS, series);
    add(tunnelTxErrors, c.transmitErrors(), CounterField.TUNNEL_TRANSMIT_ERRORS, series);
  }

  /** The identity of a counter series: the object it counts and its label values. */
  private record Series(String object, List<String> labelValues) {
    Series(String object, String... labelValues) {
      this(object, List.of(labelValues));
    }

    Series withKind(String kind) {
      List<String> values = new ArrayList<>(labelValues);
      values.add(kind);
      return new Series(object, List.copyOf(values));
    }
  }

  /** Adds a counter value, when the device shows it, with the time its series began. */
  private void add(
      FamilyBuilder.Counter family, OptionalLong value, CounterField field, Series series) {
    Optional<Instant> began =
        Optional.ofNullable(created.get(new SeriesKey(series.object(), field)));
    family.addIfPresent(value, began, series.labelValues().toArray(String[]::new));
  }

  private void addIkeSa(String device, IkeSa sa) {
    String peer = sa.peer();
    ikeUp.add(sa.established(), device, peer);
    Set<String> states = new LinkedHashSet<>(knownStates(sa.version()));
    states.add(sa.state());
    for (String state : states) {
      ikeState.add(state.equals(sa.state()), device, peer, state);
    }
    ikeLifetime.addIfPresent(sa.lifetimeRemainingSeconds(), device, peer);
  }

  private static List<String> knownStates(IkeVersion version) {
    return switch (version) {
      case IKEV1 -> IKEV1_STATES;
      case IKEV2 -> IKEV2_STATES;
      case UNKNOWN -> List.of();
    };
  }

  private void addIpsecFlow(String device, IpsecFlow flow) {
    String peer = flow.peer();
    String name = flow.flow();
    ipsecUp.add(flow.up(), device, peer, name);
    IpsecCounters c = flow.counters();
    Series series = new Series(SeriesKey.flowObject(peer, name), device, peer, name);
    add(encrypted, c.encrypted(), CounterField.IPSEC_ENCRYPTED, series);
    add(decrypted, c.decrypted(), CounterField.IPSEC_DECRYPTED, series);
    add(encapsulated, c.encapsulated(), CounterField.IPSEC_ENCAPSULATED, series);
    add(decapsulated, c.decapsulated(), CounterField.IPSEC_DECAPSULATED, series);
    add(ipsecRxBytes, c.receiveBytes(), CounterField.IPSEC_RECEIVE_BYTES, series);
    add(ipsecTxBytes, c.transmitBytes(), CounterField.IPSEC_TRANSMIT_BYTES, series);
    add(ipsecErrors, c.sendErrors(), CounterField.IPSEC_SEND_ERRORS, series.withKind("send"));
    add(
        ipsecErrors,
        c.receiveErrors(),
        CounterField.IPSEC_RECEIVE_ERRORS,
        series.withKind("receive"));
    add(ipsecErrors, c.replayErrors(), CounterField.IPSEC_REPLAY_ERRORS, series.withKind("replay"));
    add(ipsecErrors, c.authErrors(), CounterField.IPSEC_AUTH_ERRORS, series.withKind("auth"));
    add(
        ipsecErrors,
        c.decryptErrors(),
        CounterField.IPSEC_DECRYPT_ERRORS,
        series.withKind("decrypt"));
    add(
        ipsecErrors,
        c.encryptErrors(),
        CounterField.IPSEC_ENCRYPT_ERRORS,
        series.withKind("encrypt"));
    ipsecLifetime.addIfPresent(flow.lifetimeRemainingSeconds(), device, peer, name);
  }

  private MetricSnapshots build() {
    MetricSnapshots.Builder builder = MetricSnapshots.builder();
    for (FamilyBuilder family :
        List.of(
            deviceUp,
            lastSuccess,
            pollDuration,
            cpu,
            tunnelInfo,
            tunnelUp,
            tunnelRxBytes,
            tunnelTxBytes,
            tunnelRxPackets,
            tunnelTxPackets,
            tunnelRxDrops,
            tunnelTxDrops,
            tunnelRxErrors,
            tunnelTxErrors,
            ikeUp,
            ikeState,
            ikeLifetime,
            ipsecUp,
            encrypted,
            decrypted,
            encapsulated,
            decapsulated,
            ipsecRxBytes,
            ipsecTxBytes,
            ipsecErrors,
            ipsecLifetime)) {
      if (!family.isEmpty()) {
        builder.metricSnapshot(family.build());
      }
    }
    return builder.build();
  }
}
