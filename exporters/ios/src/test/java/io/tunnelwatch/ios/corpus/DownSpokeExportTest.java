package io.tunnelwatch.ios.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.tunnelwatch.core.metrics.DeviceFamilies;
import io.tunnelwatch.core.metrics.DeviceView;
import io.tunnelwatch.core.metrics.SourceHealth;
import io.tunnelwatch.core.model.DeviceSnapshot;
import io.tunnelwatch.core.model.Source;
import io.tunnelwatch.ios.CliOutputs;
import io.tunnelwatch.ios.CliSnapshotAssembler;
import io.tunnelwatch.ios.parse.Parsed;
import io.tunnelwatch.ios.parse.Samples;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The corpus's {@code written/ShowCryptoSessionDetail/spoke_down}, polled with R1's {@code show
 * crypto ipsec sa} (which has a block for the live peer only), ends up in the exposition: the down
 * spoke's flow as {@code tunnelwatch_ipsec_sa_up 0}, with the labels a live flow has.
 */
class DownSpokeExportTest {

  private static final Instant AT = Instant.parse("2026-11-29T03:00:00Z");

  @Test
  void theDownSpokesListedFlowIsExportedAsZero() throws IOException {
    String session =
        Corpus.read(Corpus.root().resolve("written/ShowCryptoSessionDetail/spoke_down_output.txt"));
    Parsed<DeviceSnapshot> parsed =
        CliSnapshotAssembler.assemble(
            "R1", AT, new CliOutputs(session, null, Samples.read("r1-ipsec-sa.txt"), null, null));

    String text = exposition(parsed.value());

    assertThat(parsed.warnings()).isEmpty();
    assertThat(text)
        .contains(
            "tunnelwatch_ipsec_sa_up{device=\"R1\",flow=\"100.0.0.1/32:47->203.0.113.9/32:47\","
                + "peer=\"203.0.113.9\"} 0.0\n",
            "tunnelwatch_ipsec_sa_up{device=\"R1\",flow=\"100.0.0.1/32:47->200.0.0.1/32:47\","
                + "peer=\"200.0.0.1\"} 1.0\n");
    // nothing was negotiated with the spoke: no IPsec counters or lifetime are made up for it
    assertThat(
            text.lines()
                .filter(l -> l.startsWith("tunnelwatch_ipsec_"))
                .filter(l -> l.contains("peer=\"203.0.113.9\"")))
        .singleElement()
        .asString()
        .startsWith("tunnelwatch_ipsec_sa_up{");
  }

  private static String exposition(DeviceSnapshot snapshot) throws IOException {
    DeviceView view =
        new DeviceView(
            "R1",
            List.of(new SourceHealth(Source.SSH, true, Optional.of(AT), Duration.ofMillis(40))),
            Optional.of(snapshot));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrometheusTextFormatWriter.create().write(out, DeviceFamilies.of(List.of(view)));
    return out.toString(StandardCharsets.UTF_8);
  }
}
