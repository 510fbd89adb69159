package io.tunnelwatch.agent.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationTextTest {

  @ParameterizedTest
  @CsvSource({"500ms,PT0.5S", "30s,PT30S", "5m,PT5M", "1h30m,PT1H30M", "2d,PT48H"})
  void parsesPrometheusStyleDurations(String text, Duration expected) {
    assertThat(DurationText.parse(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "30", "s", "1.5s", "-1s", "30 s", "1y"})
  void rejectsAnythingElse(String text) {
    assertThatThrownBy(() -> DurationText.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected a duration");
  }

  @ParameterizedTest
  @CsvSource({"PT0.5S,500ms", "PT30S,30s", "PT1H30M,1h30m", "PT49H,2d1h"})
  void formatsTheShortestForm(Duration duration, String expected) {
    assertThat(DurationText.format(duration)).isEqualTo(expected);
    assertThat(DurationText.parse(expected)).isEqualTo(duration);
  }
}
