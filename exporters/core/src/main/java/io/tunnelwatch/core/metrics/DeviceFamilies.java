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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns device views into the device-data metric families of the metric contract (docs/metrics.md).
 * A pure function: it reads nothing but its argument.
 */
public final class DeviceFamilies {

  private static final String CACHED = " Cached from the last successful poll.";

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

  private final FamilyBuilder.Gauge deviceUp =
      FamilyBuilder.gauge(
          "tunnelwatch_device_up", "1 if the latest poll over this source succeeded.");
  private final FamilyBuilder.Gauge lastSuccess =
      FamilyBuilder.gauge(
          "tunnelwatch_device_last_success_timestamp_seconds",
          "Unix time of the latest successful poll over this source.");
  private final FamilyBuilder.Gauge pollDuration =
      FamilyBuilder.gauge(
          "tunnelwatch_device_poll_duration_seconds",
          "Duration of the latest poll over this source, successful or not.");
  private final FamilyBuilder.Gauge cpu =
      FamilyBuilder.gauge(
          "tunnelwatch_device_cpu_ratio", "Router CPU busy ratio (0..1) over the window." + CACHED);
  private final FamilyBuilder.Gauge tunnelInfo =
      FamilyBuilder.gauge(
          "tunnelwatch_tunnel_info", "Tunnel interface configuration, value always 1." + CACHED);
  private final FamilyBuilder.Gauge tunnelUp =
      FamilyBuilder.gauge(
          "tunnelwatch_tunnel_up", "1 if the tunnel's line protocol is up." + CACHED);
  private final FamilyBuilder.Counter tunnelRxBytes =
      counter("tunnelwatch_tunnel_receive_bytes", "Bytes received on the tunnel interface.");
  private final FamilyBuilder.Counter tunnelTxBytes =
      counter("tunnelwatch_tunnel_transmit_bytes", "Bytes sent on the tunnel interface.");
  private final FamilyBuilder.Counter tunnelRxPackets =
      counter("tunnelwatch_tunnel_receive_packets", "Packets received on the tunnel interface.");
  private final FamilyBuilder.Counter tunnelTxPackets =
      counter("tunnelwatch_tunnel_transmit_packets", "Packets sent on the tunnel interface.");
  private final FamilyBuilder.Counter tunnelRxDrops =
      counter("tunnelwatch_tunnel_receive_drops", "Input queue drops on the tunnel interface.");
  private final FamilyBuilder.Counter tunnelTxDrops =
      counter("tunnelwatch_tunnel_transmit_drops", "Output drops on the tunnel interface.");
  private final FamilyBuilder.Counter tunnelRxErrors =
      counter("tunnelwatch_tunnel_receive_errors", "Input errors on the tunnel interface.");
  private final FamilyBuilder.Counter tunnelTxErrors =
      counter("tunnelwatch_tunnel_transmit_errors", "Output errors on the tunnel interface.");
  private final FamilyBuilder.Gauge ikeUp =
      FamilyBuilder.gauge(
          "tunnelwatch_ike_sa_up",
          "1 if an established IKE SA (QM_IDLE or READY) exists for the peer." + CACHED);
  private final FamilyBuilder.Gauge ikeState =
      FamilyBuilder.gauge(
          "tunnelwatch_ike_sa_state",
          "IKE SA state towards the peer: 1 for the current state, 0 for the others." + CACHED);
  private final FamilyBuilder.Gauge ikeLifetime =
      FamilyBuilder.gauge(
          "tunnelwatch_ike_sa_lifetime_remaining_seconds",
          "Seconds until the IKE SA expires." + CACHED);
  private final FamilyBuilder.Gauge ipsecUp =
      FamilyBuilder.gauge(
          "tunnelwatch_ipsec_sa_up",
          "1 if an inbound and an outbound ESP SA are active for the flow." + CACHED);
  private final FamilyBuilder.Counter encrypted =
      counter("tunnelwatch_ipsec_packets_encrypted", "Packets encrypted (#pkts encrypt).");
  private final FamilyBuilder.Counter decrypted =
      counter("tunnelwatch_ipsec_packets_decrypted", "Packets decrypted (#pkts decrypt).");
  private final FamilyBuilder.Counter encapsulated =
      counter("tunnelwatch_ipsec_packets_encapsulated", "Packets encapsulated (#pkts encaps).");
  private final FamilyBuilder.Counter decapsulated =
      counter("tunnelwatch_ipsec_packets_decapsulated", "Packets decapsulated (#pkts decaps).");
  private final FamilyBuilder.Counter ipsecRxBytes =
      counter("tunnelwatch_ipsec_receive_bytes", "Bytes received on the flow's SAs.");
  private final FamilyBuilder.Counter ipsecTxBytes =
      counter("tunnelwatch_ipsec_transmit_bytes", "Bytes sent on the flow's SAs.");
  private final FamilyBuilder.Counter ipsecErrors =
      counter("tunnelwatch_ipsec_errors", "IPsec errors on the flow, by kind.");
  private final FamilyBuilder.Gauge ipsecLifetime =
      FamilyBuilder.gauge(
          "tunnelwatch_ipsec_sa_lifetime_remaining_seconds",
          "Seconds until the first active outbound SA of the flow expires." + CACHED);

  private DeviceFamilies() {}

  /** The device-data families for the given devices, in contract order. */
  public static MetricSnapshots of(List<DeviceView> devices) {
    DeviceFamilies families = new DeviceFamilies();
    devices.forEach(families::add);
    return families.build();
  }

  private static FamilyBuilder.Counter counter(String name, String help) {
    return FamilyBuilder.counter(name, help + CACHED);
  }

  /** When the series of the device being added began, by series. */
  private Map<SeriesKey, Instant> created = Map.of();

  private void add(DeviceView view) {
    created = view.counterCreated();
    String device = view.device();
    for (SourceHealth health : view.sources()) {
      String source = health.source().label();
      deviceUp.add(health.up(), "device", device, "source", source);
      health
          .lastSuccess()
          .ifPresent(
              t -> lastSuccess.add(t.toEpochMilli() / 1000.0, "device", device, "source", source));
      pollDuration.add(
          health.lastPollDuration().toNanos() / 1e9, "device", device, "source", source);
    }
    view.snapshot().ifPresent(this::add);
  }

  private void add(DeviceSnapshot snapshot) {
    String device = snapshot.device();
    snapshot.cpu().ifPresent(load -> addCpu(device, load));
    snapshot.tunnels().forEach(t -> addTunnel(device, t));
    snapshot.ikeSas().forEach(sa -> addIkeSa(device, sa));
    snapshot.ipsecFlows().forEach(flow -> addIpsecFlow(device, flow));
  }

  private void addCpu(String device, CpuLoad load) {
    cpu.add(load.fiveSeconds(), "device", device, "window", "5s");
    cpu.add(load.oneMinute(), "device", device, "window", "1m");
    cpu.add(load.fiveMinutes(), "device", device, "window", "5m");
  }

  private void addTunnel(String device, TunnelInterface tunnel) {
    String name = tunnel.name();
    tunnelInfo.add(
        1.0,
        "device",
        device,
        "tunnel",
        name,
        "source_address",
        tunnel.sourceAddress(),
        "destination_address",
        tunnel.destinationAddress(),
        "mode",
        tunnel.mode());
    tunnelUp.add(tunnel.lineProtocolUp(), "device", device, "tunnel", name);
    InterfaceCounters c = tunnel.counters();
    String[] labels = {"device", device, "tunnel", name};
    String object = SeriesKey.tunnelObject(name);
    tunnelRxBytes.addIfPresent(
        c.receiveBytes(), created(object, CounterField.TUNNEL_RECEIVE_BYTES), labels);
    tunnelTxBytes.addIfPresent(
        c.transmitBytes(), created(object, CounterField.TUNNEL_TRANSMIT_BYTES), labels);
    tunnelRxPackets.addIfPresent(
        c.receivePackets(), created(object, CounterField.TUNNEL_RECEIVE_PACKETS), labels);
    tunnelTxPackets.addIfPresent(
        c.transmitPackets(), created(object, CounterField.TUNNEL_TRANSMIT_PACKETS), labels);
    tunnelRxDrops.addIfPresent(
        c.receiveDrops(), created(object, CounterField.TUNNEL_RECEIVE_DROPS), labels);
    tunnelTxDrops.addIfPresent(
        c.transmitDrops(), created(object, CounterField.TUNNEL_TRANSMIT_DROPS), labels);
    tunnelRxErrors.addIfPresent(
        c.receiveErrors(), created(object, CounterField.TUNNEL_RECEIVE_ERRORS), labels);
    tunnelTxErrors.addIfPresent(
        c.transmitErrors(), created(object, CounterField.TUNNEL_TRANSMIT_ERRORS), labels);
  }

  private Optional<Instant> created(String object, CounterField field) {
    return Optional.ofNullable(created.get(new SeriesKey(object, field)));
  }

  private void addIkeSa(String device, IkeSa sa) {
    String peer = sa.peer();
    ikeUp.add(sa.established(), "device", device, "peer", peer);
    Set<String> states = new LinkedHashSet<>(knownStates(sa.version()));
    states.add(sa.state());
    for (String state : states) {
      ikeState.add(state.equals(sa.state()), "device", device, "peer", peer, "state", state);
    }
    ikeLifetime.addIfPresent(sa.lifetimeRemainingSeconds(), "device", device, "peer", peer);
  }

  private static List<String> knownStates(IkeVersion version) {
    return switch (version) {
      case IKEV1 -> IKEV1_STATES;
      case IKEV2 -> IKEV2_STATES;
      case UNKNOWN -> List.of();
    };
  }

  private void addIpsecFlow(String device, IpsecFlow flow) {
    String[] labels = {"device", device, "peer", flow.peer(), "flow", flow.flow()};
    ipsecUp.add(flow.up(), labels);
    IpsecCounters c = flow.counters();
    String o = SeriesKey.flowObject(flow.peer(), flow.flow());
    encrypted.addIfPresent(c.encrypted(), created(o, CounterField.IPSEC_ENCRYPTED), labels);
    decrypted.addIfPresent(c.decrypted(), created(o, CounterField.IPSEC_DECRYPTED), labels);
    encapsulated.addIfPresent(
        c.encapsulated(), created(o, CounterField.IPSEC_ENCAPSULATED), labels);
    decapsulated.addIfPresent(
        c.decapsulated(), created(o, CounterField.IPSEC_DECAPSULATED), labels);
    ipsecRxBytes.addIfPresent(
        c.receiveBytes(), created(o, CounterField.IPSEC_RECEIVE_BYTES), labels);
    ipsecTxBytes.addIfPresent(
        c.transmitBytes(), created(o, CounterField.IPSEC_TRANSMIT_BYTES), labels);
    ipsecErrors.addIfPresent(
        c.sendErrors(), created(o, CounterField.IPSEC_SEND_ERRORS), withKind(labels, "send"));
    ipsecErrors.addIfPresent(
        c.receiveErrors(),
        created(o, CounterField.IPSEC_RECEIVE_ERRORS),
        withKind(labels, "receive"));
    ipsecErrors.addIfPresent(
        c.replayErrors(), created(o, CounterField.IPSEC_REPLAY_ERRORS), withKind(labels, "replay"));
    ipsecErrors.addIfPresent(
        c.authErrors(), created(o, CounterField.IPSEC_AUTH_ERRORS), withKind(labels, "auth"));
    ipsecErrors.addIfPresent(
        c.decryptErrors(),
        created(o, CounterField.IPSEC_DECRYPT_ERRORS),
        withKind(labels, "decrypt"));
    ipsecErrors.addIfPresent(
        c.encryptErrors(),
        created(o, CounterField.IPSEC_ENCRYPT_ERRORS),
        withKind(labels, "encrypt"));
    ipsecLifetime.addIfPresent(flow.lifetimeRemainingSeconds(), labels);
  }

  private static String[] withKind(String[] labels, String kind) {
    String[] result = java.util.Arrays.copyOf(labels, labels.length + 2);
    result[labels.length] = "kind";
    result[labels.length + 1] = kind;
    return result;
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
