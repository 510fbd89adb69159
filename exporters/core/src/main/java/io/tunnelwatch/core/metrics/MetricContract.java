package io.tunnelwatch.core.metrics;

import java.util.List;
import java.util.stream.Stream;

/**
 * Every metric family tunnelwatch exports, declared once: name, type, help and label names. The
 * producers (device data, events, the agent's own counters) only fill in values; docs/metrics.md
 * documents exactly this list (a test holds the two together).
 */
public final class MetricContract {

  private static final String CACHED = " Cached from the last successful poll.";

  // Device health
  public static final MetricFamily.Gauge DEVICE_UP =
      gauge(
          "tunnelwatch_device_up",
          "1 if the latest poll over this source succeeded.",
          "device",
          "source");
  public static final MetricFamily.Gauge DEVICE_LAST_SUCCESS =
      gauge(
          "tunnelwatch_device_last_success_timestamp_seconds",
          "Unix time of the latest successful poll over this source.",
          "device",
          "source");
  public static final MetricFamily.Gauge DEVICE_POLL_DURATION =
      gauge(
          "tunnelwatch_device_poll_duration_seconds",
          "Duration of the latest poll over this source, successful or not.",
          "device",
          "source");
  public static final MetricFamily.Gauge DEVICE_CPU =
      gauge(
          "tunnelwatch_device_cpu_ratio",
          "Router CPU busy ratio (0..1) over the window." + CACHED,
          "device",
          "window");

  // Tunnel interfaces
  public static final MetricFamily.Gauge TUNNEL_INFO =
      gauge(
          "tunnelwatch_tunnel_info",
          "Tunnel interface configuration, value always 1." + CACHED,
          "device",
          "tunnel",
          "source_address",
          "destination_address",
          "mode");
  public static final MetricFamily.Gauge TUNNEL_UP =
      gauge(
          "tunnelwatch_tunnel_up",
          "1 if the tunnel's line protocol is up." + CACHED,
          "device",
          "tunnel");
  public static final MetricFamily.Counter TUNNEL_RECEIVE_BYTES =
      tunnelCounter("tunnelwatch_tunnel_receive_bytes", "Bytes received on the tunnel interface.");
  public static final MetricFamily.Counter TUNNEL_TRANSMIT_BYTES =
      tunnelCounter("tunnelwatch_tunnel_transmit_bytes", "Bytes sent on the tunnel interface.");
  public static final MetricFamily.Counter TUNNEL_RECEIVE_PACKETS =
      tunnelCounter(
          "tunnelwatch_tunnel_receive_packets", "Packets received on the tunnel interface.");
  public static final MetricFamily.Counter TUNNEL_TRANSMIT_PACKETS =
      tunnelCounter("tunnelwatch_tunnel_transmit_packets", "Packets sent on the tunnel interface.");
  public static final MetricFamily.Counter TUNNEL_RECEIVE_DROPS =
      tunnelCounter(
          "tunnelwatch_tunnel_receive_drops", "Input queue drops on the tunnel interface.");
  public static final MetricFamily.Counter TUNNEL_TRANSMIT_DROPS =
      tunnelCounter("tunnelwatch_tunnel_transmit_drops", "Output drops on the tunnel interface.");
  public static final MetricFamily.Counter TUNNEL_RECEIVE_ERRORS =
      tunnelCounter("tunnelwatch_tunnel_receive_errors", "Input errors on the tunnel interface.");
  public static final MetricFamily.Counter TUNNEL_TRANSMIT_ERRORS =
      tunnelCounter("tunnelwatch_tunnel_transmit_errors", "Output errors on the tunnel interface.");

  // IKE, phase 1
  public static final MetricFamily.Gauge IKE_SA_UP =
      gauge(
          "tunnelwatch_ike_sa_up",
          "1 if an established IKE SA (QM_IDLE or READY) exists for the peer." + CACHED,
          "device",
          "peer");
  public static final MetricFamily.Gauge IKE_SA_STATE =
      gauge(
          "tunnelwatch_ike_sa_state",
          "IKE SA state towards the peer: 1 for the current state, 0 for the others." + CACHED,
          "device",
          "peer",
          "state");
  public static final MetricFamily.Gauge IKE_SA_LIFETIME =
      gauge(
          "tunnelwatch_ike_sa_lifetime_remaining_seconds",
          "Seconds until the IKE SA expires." + CACHED,
          "device",
          "peer");

  // IPsec, phase 2
  public static final MetricFamily.Gauge IPSEC_SA_UP =
      gauge(
          "tunnelwatch_ipsec_sa_up",
          "1 if an inbound and an outbound ESP SA are active for the flow." + CACHED,
          "device",
          "peer",
          "flow");
  public static final MetricFamily.Counter IPSEC_ENCRYPTED =
      flowCounter("tunnelwatch_ipsec_packets_encrypted", "Packets encrypted (#pkts encrypt).");
  public static final MetricFamily.Counter IPSEC_DECRYPTED =
      flowCounter("tunnelwatch_ipsec_packets_decrypted", "Packets decrypted (#pkts decrypt).");
  public static final MetricFamily.Counter IPSEC_ENCAPSULATED =
      flowCounter("tunnelwatch_ipsec_packets_encapsulated", "Packets encapsulated (#pkts encaps).");
  public static final MetricFamily.Counter IPSEC_DECAPSULATED =
      flowCounter("tunnelwatch_ipsec_packets_decapsulated", "Packets decapsulated (#pkts decaps).");
  public static final MetricFamily.Counter IPSEC_RECEIVE_BYTES =
      flowCounter("tunnelwatch_ipsec_receive_bytes", "Bytes received on the flow's SAs.");
  public static final MetricFamily.Counter IPSEC_TRANSMIT_BYTES =
      flowCounter("tunnelwatch_ipsec_transmit_bytes", "Bytes sent on the flow's SAs.");
  public static final MetricFamily.Counter IPSEC_ERRORS =
      counter(
          "tunnelwatch_ipsec_errors",
          "IPsec errors on the flow, by kind." + CACHED,
          "device",
          "peer",
          "flow",
          "kind");
  public static final MetricFamily.Gauge IPSEC_SA_LIFETIME =
      gauge(
          "tunnelwatch_ipsec_sa_lifetime_remaining_seconds",
          "Seconds until the first active outbound SA of the flow expires." + CACHED,
          "device",
          "peer",
          "flow");

  // Events (state tracker)
  public static final MetricFamily.Counter EVENTS =
      counter(
          "tunnelwatch_events",
          "Events detected, by kind (openings and occurrences).",
          "device",
          "kind");
  public static final MetricFamily.Counter IKE_REKEYS =
      counter(
          "tunnelwatch_ike_rekeys",
          "IKE SAs replaced by a new one (new conn-id or younger SA) for the peer.",
          "device",
          "peer");
  public static final MetricFamily.Counter IPSEC_REKEYS =
      counter(
          "tunnelwatch_ipsec_rekeys",
          "IPsec SA pairs replaced (new SPI pair or younger SA) for the flow.",
          "device",
          "peer",
          "flow");
  public static final MetricFamily.Counter TUNNEL_FLAPS =
      counter(
          "tunnelwatch_tunnel_flaps",
          "Tunnel line protocol up to down transitions seen.",
          "device",
          "tunnel");
  public static final MetricFamily.Counter DEVICE_REBOOTS =
      counter(
          "tunnelwatch_device_reboots", "Device reboots seen (uptime went backwards).", "device");
  public static final MetricFamily.Counter IKE_PHASE1_FAILURES =
      counter(
          "tunnelwatch_ike_phase1_failures",
          "Failed IKE phase-1 attempts seen (state machine, device failure counters,"
              + " notifications); peer=\"unknown\" when the device does not say which.",
          "device",
          "peer");
  public static final MetricFamily.Counter IPSEC_PHASE2_FAILURES =
      counter(
          "tunnelwatch_ipsec_phase2_failures",
          "Failed IPsec phase-2 attempts seen (state machine, device failure counters,"
              + " notifications).",
          "device",
          "peer");
  public static final MetricFamily.Gauge IPSEC_COUNTERS_STALLED =
      gauge(
          "tunnelwatch_ipsec_counters_stalled",
          "1 while the flow's SAs are up but its encrypt/decrypt counters stand still.",
          "device",
          "peer",
          "flow");

  // The agent itself
  public static final MetricFamily.Gauge BUILD_INFO =
      gauge(
          "tunnelwatch_build_info",
          "Always 1; the labels say which build of the agent runs",
          "version",
          "revision",
          "java_version");
  public static final MetricFamily.Gauge CONFIG_LAST_RELOAD_SUCCESSFUL =
      gauge(
          "tunnelwatch_config_last_reload_successful",
          "Whether the last configuration reload attempt succeeded (1 at start)");
  public static final MetricFamily.Gauge CONFIG_LAST_RELOAD_SUCCESS_TIMESTAMP =
      gauge(
          "tunnelwatch_config_last_reload_success_timestamp_seconds",
          "When the configuration was last loaded successfully (at start or by a reload)");
  public static final MetricFamily.Counter POLLS =
      counter("tunnelwatch_polls", "Device polls started, by source", "source");
  public static final MetricFamily.Counter POLL_FAILURES =
      counter(
          "tunnelwatch_poll_failures",
          "Device polls that failed, by source and reason",
          "source",
          "reason");
  public static final MetricFamily.Histogram POLL_SCHEDULE_LAG =
      new MetricFamily.Histogram(
          "tunnelwatch_poll_schedule_lag_seconds",
          "How late polls start after the time they were due (all workers busy)",
          List.of(),
          List.of(0.1, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 300.0));
  public static final MetricFamily.Counter POLLS_SKIPPED =
      counter(
          "tunnelwatch_polls_skipped",
          "Polls dropped because they were a whole interval late (the next one was already due),"
              + " by device",
          "device");
  public static final MetricFamily.Gauge SNMP_REQUESTS_IN_FLIGHT =
      gauge("tunnelwatch_snmp_requests_in_flight", "SNMP requests waiting for their answer");
  public static final MetricFamily.Gauge SNMP_REQUESTS_QUEUED =
      gauge(
          "tunnelwatch_snmp_requests_queued",
          "SNMP requests waiting for a place in the request window (max_concurrent_requests)");
  public static final MetricFamily.Counter PARSE_WARNINGS =
      counter(
          "tunnelwatch_parse_warnings",
          "Parts of device output (show commands, MIB tables) that could not be understood, by"
              + " command",
          "command");
  public static final MetricFamily.Counter TRAPS =
      counter(
          "tunnelwatch_traps", "SNMP notifications received, by what became of them", "outcome");
  public static final MetricFamily.Counter NOTIFICATIONS_SENT =
      counter("tunnelwatch_notifications_sent", "Notifications delivered", "sink", "destination");
  public static final MetricFamily.Counter NOTIFICATIONS_FAILED =
      counter(
          "tunnelwatch_notifications_failed", "Failed delivery attempts", "sink", "destination");
  public static final MetricFamily.Counter NOTIFICATIONS_DROPPED =
      counter(
          "tunnelwatch_notifications_dropped",
          "Notifications given up (rejected as invalid, or pushed out of a full queue)",
          "sink",
          "destination");
  public static final MetricFamily.Gauge NOTIFICATIONS_QUEUED =
      gauge(
          "tunnelwatch_notifications_queued",
          "Notifications waiting for delivery",
          "sink",
          "destination");

  /** The device-data families, in the order a scrape lists them. */
  public static final List<MetricFamily> DEVICE_DATA =
      List.of(
          DEVICE_UP,
          DEVICE_LAST_SUCCESS,
          DEVICE_POLL_DURATION,
          DEVICE_CPU,
          TUNNEL_INFO,
          TUNNEL_UP,
          TUNNEL_RECEIVE_BYTES,
          TUNNEL_TRANSMIT_BYTES,
          TUNNEL_RECEIVE_PACKETS,
          TUNNEL_TRANSMIT_PACKETS,
          TUNNEL_RECEIVE_DROPS,
          TUNNEL_TRANSMIT_DROPS,
          TUNNEL_RECEIVE_ERRORS,
          TUNNEL_TRANSMIT_ERRORS,
          IKE_SA_UP,
          IKE_SA_STATE,
          IKE_SA_LIFETIME,
          IPSEC_SA_UP,
          IPSEC_ENCRYPTED,
          IPSEC_DECRYPTED,
          IPSEC_ENCAPSULATED,
          IPSEC_DECAPSULATED,
          IPSEC_RECEIVE_BYTES,
          IPSEC_TRANSMIT_BYTES,
          IPSEC_ERRORS,
          IPSEC_SA_LIFETIME);

  /** The state tracker's families. */
  public static final List<MetricFamily> EVENT_FAMILIES =
      List.of(
          EVENTS,
          IKE_REKEYS,
          IPSEC_REKEYS,
          TUNNEL_FLAPS,
          DEVICE_REBOOTS,
          IKE_PHASE1_FAILURES,
          IPSEC_PHASE2_FAILURES,
          IPSEC_COUNTERS_STALLED);

  /**
   * One series per open condition (docs/events.md), 1 while it is open; the series goes when it
   * resolves. Its labels less {@code kind} are the label set of the condition's alert, so the
   * Prometheus rules can raise exactly the alert the agent sends (docs/alerting.md).
   */
  public static final MetricFamily.Gauge CONDITION_OPEN =
      gauge(
          "tunnelwatch_condition_open",
          "1 while the condition is open; absent when it is not. Labels as on its alert.",
          "kind",
          "severity",
          "device",
          "tunnel",
          "peer",
          "flow");

  /**
   * 1 while the destination takes notifications (the last attempt succeeded, or none failed yet).
   * The rules raise the agent's condition alerts themselves only when no Alertmanager takes them
   * from the agent.
   */
  public static final MetricFamily.Gauge NOTIFICATIONS_DESTINATION_UP =
      gauge(
          "tunnelwatch_notifications_destination_up",
          "1 while the destination accepts notifications, 0 while delivery to it fails",
          "sink",
          "destination");

  public static final MetricFamily.Gauge CLUSTER_MEMBERS =
      gauge(
          "tunnelwatch_cluster_members", "Members of the agent's cluster, as this member sees it");
  public static final MetricFamily.Gauge CLUSTER_OWNED_DEVICES =
      gauge("tunnelwatch_cluster_owned_devices", "Devices this member of the cluster polls");
  public static final MetricFamily.Counter CLUSTER_DEVICE_MIGRATIONS =
      counter(
          "tunnelwatch_cluster_device_migrations",
          "Devices this member took over from another (acquired) or handed to another (released)",
          "direction");
  public static final MetricFamily.Gauge CLUSTER_STATE_MAP_ENTRIES =
      gauge(
          "tunnelwatch_cluster_state_map_entries",
          "Device states this member holds as owner in the cluster's state map");
  public static final MetricFamily.Gauge CLUSTER_STATE_MAP_BYTES =
      gauge(
          "tunnelwatch_cluster_state_map_bytes",
          "Memory those device states take on this member, backups not counted");
  public static final MetricFamily.Counter CLUSTER_OBSERVATIONS_FORWARDED =
      counter(
          "tunnelwatch_cluster_observations_forwarded",
          "Traps received here for a device another member owns, handed to it (sent) or not"
              + " (refused: its queue was full or the cluster unreachable)",
          "result");

  /** The agent's own families (polls, traps, notifications). */
  public static final List<MetricFamily> AGENT =
      List.of(
          BUILD_INFO,
          CONFIG_LAST_RELOAD_SUCCESSFUL,
          CONFIG_LAST_RELOAD_SUCCESS_TIMESTAMP,
          POLLS,
          POLL_FAILURES,
          POLL_SCHEDULE_LAG,
          POLLS_SKIPPED,
          SNMP_REQUESTS_IN_FLIGHT,
          SNMP_REQUESTS_QUEUED,
          PARSE_WARNINGS,
          TRAPS,
          NOTIFICATIONS_SENT,
          NOTIFICATIONS_FAILED,
          NOTIFICATIONS_DROPPED,
          NOTIFICATIONS_QUEUED,
          NOTIFICATIONS_DESTINATION_UP,
          CONDITION_OPEN,
          CLUSTER_MEMBERS,
          CLUSTER_OWNED_DEVICES,
          CLUSTER_DEVICE_MIGRATIONS,
          CLUSTER_STATE_MAP_ENTRIES,
          CLUSTER_STATE_MAP_BYTES,
          CLUSTER_OBSERVATIONS_FORWARDED);

  private MetricContract() {}

  /** Every family of the contract. */
  public static List<MetricFamily> all() {
    return Stream.of(DEVICE_DATA, EVENT_FAMILIES, AGENT).flatMap(List::stream).toList();
  }

  private static MetricFamily.Gauge gauge(String name, String help, String... labels) {
    return new MetricFamily.Gauge(name, help, List.of(labels));
  }

  private static MetricFamily.Counter counter(String name, String help, String... labels) {
    return new MetricFamily.Counter(name, help, List.of(labels));
  }

  private static MetricFamily.Counter tunnelCounter(String name, String help) {
    return counter(name, help + CACHED, "device", "tunnel");
  }

  private static MetricFamily.Counter flowCounter(String name, String help) {
    return counter(name, help + CACHED, "device", "peer", "flow");
  }
}
