package io.tunnelwatch.ios.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunnelwatch.ios.parse.ParseException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PingParserTest {

  @Test
  void readsFullSuccess() {
    PingResult result =
        PingParser.parse(
            "Type escape sequence to abort.\n"
                + "Sending 5, 100-byte ICMP Echos to 200.0.0.1, timeout is 2 seconds:\n"
                + "Packet sent with a source address of 100.0.0.1 \n"
                + "!!!!!\n"
                + "Success rate is 100 percent (5/5), round-trip min/avg/max = 1/2/4 ms\n");

    assertThat(result.target()).isEqualTo("200.0.0.1");
    assertThat(result.sent()).isEqualTo(5);
    assertThat(result.received()).isEqualTo(5);
    assertThat(result.successPercent()).isEqualTo(100);
    assertThat(result.averageRoundTrip()).contains(Duration.ofMillis(2));
    assertThat(result.allReceived()).isTrue();
    assertThat(result.successLine()).startsWith("Success rate is 100 percent");
  }

  @Test
  void readsTotalLoss() {
    PingResult result =
        PingParser.parse(
            "R1#ping 172.1.1.1 source 192.168.1.1\n"
                + "Type escape sequence to abort.\n"
                + "Sending 5, 100-byte ICMP Echos to 172.1.1.1, timeout is 2 seconds:\n"
                + ".....\n"
                + "Success rate is 0 percent (0/5)\n"
                + "R1#");

    assertThat(result.target()).isEqualTo("172.1.1.1");
    assertThat(result.received()).isZero();
    assertThat(result.successPercent()).isZero();
    assertThat(result.averageRoundTrip()).isEmpty();
    assertThat(result.allReceived()).isFalse();
  }

  @Test
  void readsIosXePartialLossWithFractionalTimes() {
    PingResult result =
        PingParser.parse(
            "Type escape sequence to abort.\r\n"
                + "Sending 5, 100-byte ICMP Echos to 2001:DB8::2, timeout is 2 seconds:\r\n"
                + ".!!!!\r\n"
                + "Success rate is 80 percent (4/5), round-trip min/avg/max = 0.5/1.25/3 ms\r\n");

    assertThat(result.target()).isEqualTo("2001:DB8::2");
    assertThat(result.sent()).isEqualTo(5);
    assertThat(result.received()).isEqualTo(4);
    assertThat(result.successPercent()).isEqualTo(80);
    assertThat(result.averageRoundTrip()).contains(Duration.ofNanos(1_250_000));
  }

  @Test
  void iosErrorIsRejected() {
    assertThatThrownBy(
            () ->
                PingParser.parse(
                    "Translating \"nohost\"...domain server (255.255.255.255)\n"
                        + "% Unrecognized host or address, or protocol not running.\n"))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("Unrecognized host");
  }

  @Test
  void garbageIsRejected() {
    assertThatThrownBy(() -> PingParser.parse("random words\nmore words\n"))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("not ping output");
    assertThatThrownBy(() -> PingParser.parse(""))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("empty output");
  }
}
