package io.tunnelwatch.agent.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NumbersTest {

  @Test
  void durationsReadLikeAPersonWouldSayThem() {
    assertThat(Numbers.duration(0)).isEqualTo("0 s");
    assertThat(Numbers.duration(45_999)).isEqualTo("45 s");
    assertThat(Numbers.duration(12 * 60_000)).isEqualTo("12 min");
    assertThat(Numbers.duration(41 * 60_000 + 34_000)).isEqualTo("41 min 34 s");
    assertThat(Numbers.duration(3 * 3_600_000 + 5 * 60_000)).isEqualTo("3 h 05 min");
    assertThat(Numbers.duration(52 * 3_600_000L)).isEqualTo("2 d 4 h");
  }

  @Test
  void bytesUseBinaryUnits() {
    assertThat(Numbers.bytes(512)).isEqualTo("512 B");
    assertThat(Numbers.bytes(1536)).isEqualTo("1.5 KiB");
    assertThat(Numbers.bytes(3L << 30)).isEqualTo("3.0 GiB");
  }

  @Test
  void secondsAreExactMilliseconds() {
    assertThat(Numbers.seconds(7_200_001).toPlainString()).isEqualTo("7200.001");
  }

  @Test
  void svgCoordinatesHaveTwoDecimals() {
    assertThat(Svg.fixed(new StringBuilder(), 3)).hasToString("3.00");
    assertThat(Svg.fixed(new StringBuilder(), 12.3456)).hasToString("12.35");
    assertThat(Svg.fixed(new StringBuilder(), 0.07)).hasToString("0.07");
    assertThat(Svg.fixed(new StringBuilder(), 719.999)).hasToString("720.00");
  }
}
