package io.tunnelwatch.agent.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationTextTest {

  @ParameterizedTest
  @CsvSource({
    "500ms,PT0.5S",
    "30s,PT30S",
    "5m,PT5M",
    "1h30m,PT1H30M",
    "2d,PT48H",
    "1w,PT168H",
    "1y,PT8760H",
    "1y2w3d4h5m6s7ms,PT9172H5M6.007S",
    "0,PT0S"
  })
  void parsesPrometheusStyleDurations(String text, Duration expected) {
    assertThat(DurationText.parse(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "30", "s", "1.5s", "-1s", "30 s", "1x", "30m1h", "1s1s"})
  void rejectsAnythingElse(String text) {
    assertThatThrownBy(() -> DurationText.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected a duration");
  }

  @ParameterizedTest
  @ValueSource(strings = {"99999999999999999999d", "300000000000y", "9223372036854775807m"})
  void refusesDurationsBeyondWhatADurationHoldsInsteadOfOverflowing(String text) {
    assertThatThrownBy(() -> DurationText.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("duration " + text + " is too long");
  }

  @ParameterizedTest
  @CsvSource({"PT0.5S,500ms", "PT30S,30s", "PT1H30M,1h30m", "PT49H,2d1h"})
  void formatsTheShortestForm(Duration duration, String expected) {
    assertThat(DurationText.format(duration)).isEqualTo(expected);
    assertThat(DurationText.parse(expected)).isEqualTo(duration);
  }
}
