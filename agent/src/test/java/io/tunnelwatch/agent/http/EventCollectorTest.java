package io.tunnelwatch.agent.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.tunnelwatch.agent.events.DeviceStateStore;
import io.tunnelwatch.agent.events.EventFanout;
import io.tunnelwatch.agent.events.EventTracker;
import io.tunnelwatch.agent.events.TrackerSettings;
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
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class EventCollectorTest {

  private static final Instant T0 = Instant.parse("2026-11-28T12:00:00Z");
  private static final String FLOW = "100.0.0.1/32:47->200.0.0.1/32:47";
  private static final String FLOW_LABELS =
      "device=\"R1\",flow=\"" + FLOW + "\",peer=\"200.0.0.1\"";

  private final EventTracker tracker;

  EventCollectorTest() {
    Map<String, TrackerSettings> settings = new LinkedHashMap<>();
    settings.put("R1", TrackerSettings.DEFAULTS);
    settings.put("R2", TrackerSettings.DEFAULTS);
    tracker =
        new EventTracker(
            settings,
            new EventFanout(List.of()),
            Clock.fixed(T0, ZoneOffset.UTC),
            DeviceStateStore.none());
  }

  private static DeviceSnapshot r1(Instant at, String spi, boolean tunnelUp) {
    return new DeviceSnapshot(
        "R1",
        Source.SSH,
        at,
        List.of(
            new TunnelInterface(
                "Tunnel10",
                true,
                tunnelUp,
                "100.0.0.1",
                "200.0.0.1",
                "GRE/IP",
                InterfaceCounters.NONE)),
        List.of(
            new IkeSa(
                "200.0.0.1",
                "100.0.0.1",
                IkeVersion.IKEV1,
                "QM_IDLE",
                true,
                OptionalLong.of(1001),
                OptionalLong.of(80000))),
        List.of(
            new IpsecFlow(
                "200.0.0.1",
                FLOW,
                "GigabitEthernet0/0",
                true,
                Optional.of(new SpiPair(spi, spi + "F")),
                OptionalLong.of(3000),
                IpsecCounters.NONE)),
        Optional.empty());
  }

  private String scrape(EventCollector collector) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrometheusTextFormatWriter.create().write(out, collector.collect());
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void everySeriesOfAKnownObjectIsThereAtZeroFromTheFirstPoll() throws IOException {
    tracker.monitor("R1").orElseThrow().onSuccess(r1(T0, "0xA", true));

    String text = scrape(EventCollector.allDevices(tracker));

    assertThat(text)
        .contains("tunnelwatch_events_total{device=\"R1\",kind=\"ipsec_rekey\"} 0.0")
        .contains("tunnelwatch_events_total{device=\"R2\",kind=\"high_cpu\"} 0.0")
        .contains("tunnelwatch_device_reboots_total{device=\"R2\"} 0.0")
        .contains("tunnelwatch_ike_rekeys_total{device=\"R1\",peer=\"200.0.0.1\"} 0.0")
        .contains("tunnelwatch_ipsec_rekeys_total{" + FLOW_LABELS + "} 0.0")
        .contains("tunnelwatch_tunnel_flaps_total{device=\"R1\",tunnel=\"Tunnel10\"} 0.0")
        .contains("tunnelwatch_ike_phase1_failures_total{device=\"R1\",peer=\"200.0.0.1\"} 0.0")
        .contains("tunnelwatch_ipsec_phase2_failures_total{device=\"R1\",peer=\"200.0.0.1\"} 0.0")
        .contains("tunnelwatch_ipsec_counters_stalled{" + FLOW_LABELS + "} 0.0");
  }

  @Test
  void countsWhatTheTrackerDetected() throws IOException {
    var r1 = tracker.monitor("R1").orElseThrow();
    r1.onSuccess(r1(T0, "0xA", true));
    r1.onSuccess(r1(T0.plusSeconds(30), "0xB", false));

    String text = scrape(EventCollector.allDevices(tracker));

    assertThat(text)
        .contains("tunnelwatch_ipsec_rekeys_total{" + FLOW_LABELS + "} 1.0")
        .contains("tunnelwatch_events_total{device=\"R1\",kind=\"ipsec_rekey\"} 1.0")
        .contains("tunnelwatch_events_total{device=\"R1\",kind=\"tunnel_down\"} 1.0")
        .contains("tunnelwatch_tunnel_flaps_total{device=\"R1\",tunnel=\"Tunnel10\"} 1.0")
        .contains("tunnelwatch_events_total{device=\"R2\",kind=\"ipsec_rekey\"} 0.0");
  }

  @Test
  void aProbeSeesOnlyItsDevice() throws IOException {
    String text = scrape(new EventCollector(tracker, "R2"::equals));

    assertThat(text).contains("device=\"R2\"").doesNotContain("device=\"R1\"");
  }
}
