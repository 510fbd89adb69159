package io.tunnelwatch.ios.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Hostile input: IOS errors, garbage, truncation. Only ParseException or warnings may result. */
class RobustnessIT {

  record Case(String name, Function<String, Parsed<?>> parser, String sample) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Case> parsers() {
    return List.of(
        new Case("crypto session", CryptoSessionParser::parse, "r1-crypto-session-detail.txt"),
        new Case("isakmp sa", IsakmpSaParser::parse, "r1-isakmp-sa.txt"),
        new Case("isakmp sa detail", IsakmpSaParser::parse, "r1-isakmp-sa-detail.txt"),
        new Case("ikev2 sa", Ikev2SaParser::parse, "r1-ikev2-sa.txt"),
        new Case("ikev2 sa detailed", Ikev2SaParser::parse, "r1-ikev2-sa-detail.txt"),
        new Case("ipsec sa", IpsecSaParser::parse, "r1-ipsec-sa.txt"),
        new Case("interfaces", InterfacesParser::parse, "r1-interfaces.txt"),
        new Case("processes cpu", ProcessesCpuParser::parse, "r1-cpu.txt"));
  }

  static Stream<Arguments> iosErrors() {
    return parsers().stream()
        .flatMap(
            c ->
                Stream.of(
                        "R1#show crypto foo\n                 ^\n% Invalid input detected at '^' marker.\n\nR1#",
                        "% Incomplete command.\r\n", "% Ambiguous command:  \"show crypto s\"")
                    .map(text -> Arguments.of(c, text)));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("iosErrors")
  void iosErrorsAreParseExceptions(Case c, String text) {
    assertThatThrownBy(() -> c.parser().apply(text))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("IOS rejected the command");
  }

  static Stream<Arguments> garbage() {
    return parsers().stream()
        .flatMap(
            c ->
                Stream.of(
                        "lorem ipsum dolor\nsit amet",
                        "\u0000\u0001\u0002",
                        "{\"json\": true}",
                        "12345")
                    .map(text -> Arguments.of(c, text)));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("garbage")
  void garbageIsRejected(Case c, String text) {
    assertThatThrownBy(() -> c.parser().apply(text)).isInstanceOf(ParseException.class);
  }

  static Stream<Case> cases() {
    return parsers().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void nullIsAParseException(Case c) {
    assertThatThrownBy(() -> c.parser().apply(null)).isInstanceOf(ParseException.class);
  }

  /** Every prefix of a real output either parses (maybe with warnings) or is rejected cleanly. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void everyTruncationIsHandled(Case c) {
    String sample = Samples.read(c.sample());
    for (int end = 0; end <= sample.length(); end++) {
      tryParse(c, sample.substring(0, end));
    }
  }

  /** Random line shuffles and byte flips must never escape as anything but ParseException. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void mangledInputIsHandled(Case c) {
    String sample = Samples.read(c.sample());
    Random random = new Random(42);
    for (int round = 0; round < 300; round++) {
      char[] chars = sample.toCharArray();
      for (int flips = 0; flips < 5; flips++) {
        chars[random.nextInt(chars.length)] = (char) (32 + random.nextInt(95));
      }
      tryParse(c, new String(chars));
      List<String> lines = new java.util.ArrayList<>(List.of(sample.split("\n")));
      java.util.Collections.shuffle(lines, random);
      tryParse(c, String.join("\n", lines));
    }
  }

  private static void tryParse(Case c, String text) {
    try {
      Parsed<?> parsed = c.parser().apply(text);
      assertThat(parsed.value()).isNotNull();
    } catch (ParseException expected) {
      assertThat(expected.command()).isNotBlank();
    }
  }
}
