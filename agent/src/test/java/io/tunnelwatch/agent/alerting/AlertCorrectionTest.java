package io.tunnelwatch.agent.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlertCorrectionTest {

  private static final Instant AT = Instant.parse("2026-12-03T08:00:00Z");
  private final AlertCorrection correction = new AlertCorrection();

  private static Alert alert(Map<String, String> labels, Map<String, String> annotations) {
    return new Alert("k", labels, annotations, "http://agent/", AT, Optional.empty());
  }

  @Test
  void aValidAlertHasNothingToCorrect() {
    Alert valid = alert(Map.of("alertname", "A", "device", "R1"), Map.of("summary", "fine"));

    assertThat(correction.correct(valid, "HTTP 400")).isEmpty();
  }

  @Test
  void labelNamesBecomeValidNamesAndTheFirstOfTwoThatCollideStays() {
    Alert refused =
        alert(
            Map.of("alertname", "A", "tunnel-name", "T1", "tunnel.name", "T2", "9x", "v"),
            Map.of());

    Alert corrected = correction.correct(refused, "HTTP 400: invalid label set").orElseThrow();

    assertThat(corrected.labels())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("alertname", "A", "tunnel_name", "T1", "_9x", "v"));
  }

  @Test
  void valuesLoseControlCharactersAndUnpairedSurrogatesAndAreBounded() {
    String pair = "\uD83D\uDE00";
    Alert refused =
        alert(
            Map.of("alertname", "A\u0000B", "device", "R\uD800"),
            Map.of("summary", "line1\nline2\ttab\u001b[31m" + pair, "big", "x".repeat(10_000)));

    Alert corrected = correction.correct(refused, "HTTP 400").orElseThrow();

    assertThat(corrected.labels())
        .containsEntry("alertname", "A B")
        .containsEntry("device", "R\uFFFD");
    assertThat(corrected.annotations().get("summary")).isEqualTo("line1\nline2\ttab [31m" + pair);
    assertThat(corrected.annotations().get("big")).hasSize(AlertCorrection.MAX_VALUE_CHARS);
  }

  @Test
  void timesOutsideWhatAlertmanagerParsesAreClamped() {
    Alert refused =
        new Alert(
            "k", Map.of("alertname", "A"), Map.of(), "u", Instant.MIN, Optional.of(Instant.MAX));

    Alert corrected = correction.correct(refused, "HTTP 400").orElseThrow();

    assertThat(corrected.startsAt()).isEqualTo(Instant.EPOCH);
    assertThat(corrected.endsAt()).contains(Instant.parse("9999-12-31T23:59:59Z"));
  }
}
