package io.tunnelwatch.ios.config;

import io.tunnelwatch.core.PeerText;
import io.tunnelwatch.ios.parse.ParseException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Parses the output of an IOS or IOS-XE {@code ping}: the {@code Sending N, S-byte ICMP Echos to T}
 * line and the {@code Success rate is P percent (R/N)[, round-trip min/avg/max = a/b/c ms]} line.
 */
public final class PingParser {

  public static final String COMMAND = "ping";

  private static final Pattern SENDING =
      Pattern.compile("Sending \\d+, \\d+-byte ICMP Echos? to (\\S+?),.*");
  private static final Pattern SUCCESS =
      Pattern.compile(
          "Success rate is (\\d{1,3}) percent \\((\\d{1,9})/(\\d{1,9})\\)"
              + "(?:, round-trip min/avg/max = ([\\d.]{1,12})/([\\d.]{1,12})/([\\d.]{1,12}) ms)?.*");

  private PingParser() {}

  /**
   * Parses one ping's output.
   *
   * @throws ParseException when IOS answered with an error ({@code % Unrecognized host...}) or the
   *     text holds no success-rate line
   */
  public static PingResult parse(String output) {
    List<ConfigLine> lines = ConfigText.lines(COMMAND, output);
    String target = "";
    for (ConfigLine line : lines) {
      Matcher sending = SENDING.matcher(line.text());
      if (sending.matches()) {
        target = sending.group(1);
      }
      Matcher success = SUCCESS.matcher(line.text());
      if (success.matches()) {
        return new PingResult(
            target,
            Integer.parseInt(success.group(3)),
            Integer.parseInt(success.group(2)),
            Integer.parseInt(success.group(1)),
            average(success.group(5), line),
            line.text());
      }
    }
    throw new ParseException(
        COMMAND,
        lines.isEmpty()
            ? "empty output"
            : "no 'Success rate is' line: not ping output, starts "
                + PeerText.quote(lines.get(0).text()));
  }

  private static Optional<Duration> average(@Nullable String milliseconds, ConfigLine line) {
    if (milliseconds == null) {
      return Optional.empty();
    }
    try {
      long nanos =
          new BigDecimal(milliseconds)
              .movePointRight(6)
              .setScale(0, RoundingMode.HALF_UP)
              .longValueExact();
      return Optional.of(Duration.ofNanos(nanos));
    } catch (NumberFormatException | ArithmeticException e) {
      throw new ParseException(
          COMMAND,
          "round-trip average is not a number: " + PeerText.quote(milliseconds),
          line.number());
    }
  }
}
