package io.tunnelwatch.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
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
import io.tunnelwatch.core.model.Source;
import io.tunnelwatch.core.model.SpiPair;
import io.tunnelwatch.core.model.TunnelInterface;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class DeviceFamiliesTest {

  private static final Instant POLLED = Instant.parse("2026-11-28T12:00:00Z");
  private static final String FLOW = "100.0.0.1/32:47->200.0.0.1/32:47";

  private static DeviceSnapshot r1() {
    TunnelInterface tunnel =
        new TunnelInterface(
            "Tunnel10",
            true,
            true,
            "100.0.0.1",
            "200.0.0.1",
            "GRE/IP",
            new InterfaceCounters(
                OptionalLong.of(10),
                OptionalLong.of(1000),
                OptionalLong.of(20),
                OptionalLong.of(2000),
                OptionalLong.of(1),
                OptionalLong.of(2),
                OptionalLong.of(3),
                OptionalLong.empty()));
    IkeSa ike =
        new IkeSa(
            "200.0.0.1",
            "100.0.0.1",
            IkeVersion.IKEV1,
            "QM_IDLE",
            true,
            OptionalLong.of(1001),
            OptionalLong.of(86000));
    IpsecFlow flow =
        new IpsecFlow(
            "200.0.0.1",
            FLOW,
            "GigabitEthernet0/0",
            true,
            Optional.of(new SpiPair("0x1", "0x2")),
            OptionalLong.of(3500),
            new IpsecCounters(
                OptionalLong.of(5_000_000_000L),
                OptionalLong.of(5_000_000_000L),
                OptionalLong.of(42),
                OptionalLong.of(42),
                OptionalLong.empty(),
                OptionalLong.empty(),
                OptionalLong.of(0),
                OptionalLong.of(7)));
    return new DeviceSnapshot(
        "R1",
        Source.SSH,
        POLLED,
        List.of(tunnel),
        List.of(ike),
        List.of(flow),
        Optional.of(new CpuLoad(0.03, 0.02, 0.01)));
  }

  private static String exposition(MetricSnapshots snapshots) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrometheusTextFormatWriter.create().write(out, snapshots);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void exportsTheContractFamiliesWithStableLabels() throws IOException {
    DeviceView view =
        new DeviceView(
            "R1",
            List.of(
                new SourceHealth(Source.SSH, true, Optional.of(POLLED), Duration.ofMillis(250))),
            Optional.of(r1()));

    String text = exposition(DeviceFamilies.of(List.of(view)));

    assertThat(text)
        .contains("tunnelwatch_device_up{device=\"R1\",source=\"ssh\"} 1.0")
        .contains(
            "tunnelwatch_device_last_success_timestamp_seconds{device=\"R1\",source=\"ssh\"} 1.7958672E9")
        .contains("tunnelwatch_device_poll_duration_seconds{device=\"R1\",source=\"ssh\"} 0.25")
        .contains("tunnelwatch_device_cpu_ratio{device=\"R1\",window=\"1m\"} 0.02")
        .contains(
            "tunnelwatch_tunnel_info{destination_address=\"200.0.0.1\",device=\"R1\",mode=\"GRE/IP\",source_address=\"100.0.0.1\",tunnel=\"Tunnel10\"} 1.0")
        .contains("tunnelwatch_tunnel_up{device=\"R1\",tunnel=\"Tunnel10\"} 1.0")
        .contains(
            "tunnelwatch_tunnel_receive_bytes_total{device=\"R1\",tunnel=\"Tunnel10\"} 1000.0")
        .contains("tunnelwatch_tunnel_receive_drops_total{device=\"R1\",tunnel=\"Tunnel10\"} 3.0")
        .contains("tunnelwatch_ike_sa_up{device=\"R1\",peer=\"200.0.0.1\"} 1.0")
        .contains(
            "tunnelwatch_ike_sa_state{device=\"R1\",peer=\"200.0.0.1\",state=\"QM_IDLE\"} 1.0")
        .contains(
            "tunnelwatch_ike_sa_state{device=\"R1\",peer=\"200.0.0.1\",state=\"MM_KEY_EXCH\"} 0.0")
        .contains(
            "tunnelwatch_ike_sa_lifetime_remaining_seconds{device=\"R1\",peer=\"200.0.0.1\"} 86000.0")
        .contains(
            "tunnelwatch_ipsec_sa_up{device=\"R1\",flow=\"" + FLOW + "\",peer=\"200.0.0.1\"} 1.0")
        .contains(
            "tunnelwatch_ipsec_packets_encrypted_total{device=\"R1\",flow=\""
                + FLOW
                + "\",peer=\"200.0.0.1\"} 5.0E9")
        .contains(
            "tunnelwatch_ipsec_errors_total{device=\"R1\",flow=\""
                + FLOW
                + "\",kind=\"receive\",peer=\"200.0.0.1\"} 7.0");
  }

  @Test
  void aCounterTheSourceDoesNotShowIsAbsentNotZero() throws IOException {
    DeviceView view =
        new DeviceView(
            "R1",
            List.of(new SourceHealth(Source.SSH, true, Optional.of(POLLED), Duration.ZERO)),
            Optional.of(r1()));

    String text = exposition(DeviceFamilies.of(List.of(view)));

    assertThat(text)
        .doesNotContain("tunnelwatch_tunnel_transmit_drops_total{")
        .doesNotContain("tunnelwatch_ipsec_receive_bytes_total{");
  }

  @Test
  void aDeviceNeverPolledShowsOnlyItsHealth() throws IOException {
    DeviceView view =
        new DeviceView(
            "R9",
            List.of(new SourceHealth(Source.SSH, false, Optional.empty(), Duration.ZERO)),
            Optional.empty());

    String text = exposition(DeviceFamilies.of(List.of(view)));

    assertThat(text).contains("tunnelwatch_device_up{device=\"R9\",source=\"ssh\"} 0.0");
    assertThat(text).doesNotContain("tunnelwatch_device_last_success_timestamp_seconds{");
    assertThat(text).doesNotContain("tunnelwatch_tunnel_up");
  }

  @Test
  void twoRowsOfOneIdentityDoNotBreakTheScrape() throws IOException {
    DeviceSnapshot doubled =
        new DeviceSnapshot(
            "R1",
            Source.SSH,
            POLLED,
            List.of(),
            List.of(r1().ikeSas().get(0), r1().ikeSas().get(0)),
            List.of(),
            Optional.empty());
    DeviceView view = new DeviceView("R1", List.of(), Optional.of(doubled));

    String text = exposition(DeviceFamilies.of(List.of(view)));

    assertThat(text.lines().filter(l -> l.startsWith("tunnelwatch_ike_sa_up{"))).hasSize(1);
  }

  @Test
  void helpSaysTheDataIsCached() throws IOException {
    DeviceView view = new DeviceView("R1", List.of(), Optional.of(r1()));

    String text = exposition(DeviceFamilies.of(List.of(view)));

    assertThat(text)
        .contains(
            "# HELP tunnelwatch_tunnel_up 1 if the tunnel's line protocol is up. Cached from the last successful poll.");
  }

  @Test
  void countersCarryTheTimeTheAgentBeganFollowingThem() throws IOException {
    Instant began = POLLED.minusSeconds(3600);
    DeviceView view =
        new DeviceView(
            "R1",
            List.of(),
            Optional.of(r1()),
            Map.of(
                SeriesKey.flow("200.0.0.1", FLOW, CounterField.IPSEC_ENCRYPTED),
                began,
                SeriesKey.tunnel("Tunnel10", CounterField.TUNNEL_RECEIVE_BYTES),
                began));

    MetricSnapshots snapshots = DeviceFamilies.of(List.of(view));

    assertThat(createdMillis(snapshots, "tunnelwatch_ipsec_packets_encrypted"))
        .isEqualTo(began.toEpochMilli());
    assertThat(createdMillis(snapshots, "tunnelwatch_tunnel_receive_bytes"))
        .isEqualTo(began.toEpochMilli());
    // A series the agent has no start time for says so rather than inventing one.
    assertThat(createdMillis(snapshots, "tunnelwatch_ipsec_packets_decrypted")).isZero();
  }

  private static long createdMillis(MetricSnapshots snapshots, String family) {
    return snapshots.stream()
        .filter(m -> m.getMetadata().getName().equals(family))
        .map(CounterSnapshot.class::cast)
        .findFirst()
        .orElseThrow()
        .getDataPoints()
        .get(0)
        .getCreatedTimestampMillis();
  }
}
