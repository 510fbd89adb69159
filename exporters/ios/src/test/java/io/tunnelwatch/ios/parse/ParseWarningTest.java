package io.tunnelwatch.ios.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ParseWarningTest {

  @Test
  void aHostileLineIsShownEscapedAndCutOnOneLine() {
    ParseWarning warning =
        new ParseWarning(
            "show crypto isakmp sa",
            7,
            "\u001b[31m\u0000x\r\nINFO forged line" + "z".repeat(100_000),
            "unrecognised line, skipped");

    assertThat(warning.toString())
        .startsWith(
            "show crypto isakmp sa line 7: unrecognised line, skipped:"
                + " '\\x1b[31m\\x00x\\x0d\\x0aINFO forged linez")
        .endsWith(" more)'")
        .doesNotContain("\n", "\r", "\u001b", "\u0000")
        .hasSizeLessThan(300);
  }

  @Test
  void aWarningAboutTheWholeOutputHasNoLine() {
    assertThat(new ParseWarning("show interfaces", 0, "", "no interfaces").toString())
        .isEqualTo("show interfaces: no interfaces");
  }

  @Test
  void aFieldNameFromTheDeviceIsQuotedSafely() {
    Parsed<?> parsed =
        IsakmpSaParser.parse(
            "IPv4 Crypto ISAKMP SA\n"
                + "dst             src             state          conn-id status\n"
                + "200.0.0.2       200.0.0.1       QM_IDLE           1001 ACTIVE \u001b[2Jjunk\n");

    assertThat(parsed.warnings())
        .singleElement()
        .satisfies(
            w -> assertThat(w.reason()).isEqualTo("unexpected trailing text '\\x1b[2Jjunk'"));
  }
}
