package io.tunnelwatch.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PeerTextTest {

  @Test
  void printableTextIsUnchanged() {
    assertThat(PeerText.escape("R1#show crypto isakmp sa é ü €"))
        .isEqualTo("R1#show crypto isakmp sa é ü €");
    assertThat(PeerText.quote("R1#")).isEqualTo("'R1#'");
  }

  @Test
  void controlCharactersBecomeHexEscapes() {
    assertThat(PeerText.escape("a\u001b[31mred\r\nFAKE line\u0000\u007f\u0085\t"))
        .isEqualTo("a\\x1b[31mred\\x0d\\x0aFAKE line\\x00\\x7f\\x85\\x09");
  }

  @Test
  void invisibleAndLineBreakingCodePointsBecomeUnicodeEscapes() {
    // right-to-left override, zero-width space, line separator, unassigned, lone surrogate
    assertThat(PeerText.escape("x\u202e\u200b\u2028\u0378\ud800y"))
        .isEqualTo("x\\u202e\\u200b\\u2028\\u0378\\ud800y");
    // a private-use code point above U+FFFF is escaped as its two UTF-16 units
    assertThat(PeerText.escape(new String(Character.toChars(0xF0000)))).isEqualTo("\\udb80\\udc00");
    // a printable one above U+FFFF is kept whole
    assertThat(PeerText.escape("\uD83D\uDE00")).isEqualTo("\uD83D\uDE00");
  }

  @Test
  void longTextIsCutAndSaysHowMuchIsLeftOut() {
    String text = "x".repeat(1_000_000);
    String escaped = PeerText.escape(text);
    assertThat(escaped).isEqualTo("x".repeat(200) + "… (999800 more)");
  }

  @Test
  void anEscapeIsNeverCutInHalf() {
    String escaped = PeerText.escape("ab\u0000cd", 5);
    assertThat(escaped).isEqualTo("ab… (3 more)");
    assertThat(PeerText.escape("ab\u0000cd", 6)).isEqualTo("ab\\x00… (2 more)");
  }

  @Test
  void textThatFitsExactlyIsNotMarkedCut() {
    assertThat(PeerText.escape("abc", 3)).isEqualTo("abc");
  }

  @Test
  void escapingTwiceChangesNothing() {
    String once = PeerText.escape("a\u001bb\nc\\x41");
    assertThat(PeerText.escape(once, 10_000)).isEqualTo(once);
  }

  @Test
  void refusesANonPositiveLimit() {
    assertThatThrownBy(() -> PeerText.escape("a", 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
