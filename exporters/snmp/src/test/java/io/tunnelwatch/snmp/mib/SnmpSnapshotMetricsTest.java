package io.tunnelwatch.snmp.mib;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.tunnelwatch.core.metrics.DeviceFamilies;
import io.tunnelwatch.core.metrics.DeviceView;
import io.tunnelwatch.core.metrics.SourceHealth;
import io.tunnelwatch.core.model.DeviceSnapshot;
import io.tunnelwatch.core.model.Source;
import io.tunnelwatch.snmp.ReferenceRouter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** An SNMP snapshot feeds the metric contract as it stands, with the served values. */
class SnmpSnapshotMetricsTest {

  private static double sample(String exposition, String series) {
    return exposition
        .lines()
        .filter(l -> l.startsWith(series + " "))
        .map(l -> Double.parseDouble(l.substring(series.length() + 1).trim()))
        .findFirst()
        .orElseThrow(() -> new AssertionError(series + " not in\n" + exposition));
  }

  @Test
  void theReferenceRouterReadOverSnmpBecomesTheContractSeries() throws Exception {
    Instant at = Instant.parse("2026-11-29T03:00:00Z");
    DeviceSnapshot snapshot =
        SnmpSnapshotReader.read("R1", at, SnmpSnapshotReaderTest.reference()).value();
    DeviceView view =
        new DeviceView(
            "R1",
            List.of(new SourceHealth(Source.SNMP, true, Optional.of(at), Duration.ofMillis(40))),
            Optional.of(snapshot));

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrometheusTextFormatWriter.create().write(out, DeviceFamilies.of(List.of(view)));
    String text = out.toString(StandardCharsets.UTF_8);

    String flow = "device=\"R1\",flow=\"" + ReferenceRouter.FLOW + "\",peer=\"200.0.0.1\"";
    assertThat(sample(text, "tunnelwatch_ipsec_receive_bytes_total{" + flow + "}"))
        .isEqualTo((double) ReferenceRouter.IN_OCTETS);
    assertThat(
            sample(
                text,
                "tunnelwatch_ipsec_errors_total{device=\"R1\",flow=\""
                    + ReferenceRouter.FLOW
                    + "\",kind=\"replay\",peer=\"200.0.0.1\"}"))
        .isEqualTo(8.0);
    assertThat(sample(text, "tunnelwatch_ipsec_sa_up{" + flow + "}")).isEqualTo(1.0);
    assertThat(
            sample(
                text, "tunnelwatch_tunnel_receive_bytes_total{device=\"R1\",tunnel=\"Tunnel10\"}"))
        .isEqualTo(5.0e9);
    assertThat(sample(text, "tunnelwatch_ike_sa_up{device=\"R1\",peer=\"200.0.0.1\"}"))
        .isEqualTo(1.0);
  }
}
