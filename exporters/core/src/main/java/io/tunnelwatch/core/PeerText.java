package io.tunnelwatch.core;

/**
 * Text that came from a device (command output, banners, prompts, SNMP strings, a peer's disconnect
 * reason) made safe to put in an exception message or a log line: every character that a terminal
 * or a log reader would act on instead of show (control characters such as ESC, CR, LF and NUL,
 * bidirectional overrides, line separators, unassigned code points) is written as an escape, and
 * the text is cut short, so one log event stays one readable line of bounded size whatever the peer
 * sends.
 *
 * <p>A backslash is left as it is, so that escaping an already escaped text changes nothing: the
 * log layout can escape every message again as a safety net without doubling escapes. The price is
 * that a device printing a literal {@code \x1b} looks like one that printed ESC, which only matters
 * to a reader, never to the log's structure.
 */
public final class PeerText {

  /** How much of a peer's text a message quotes unless told otherwise. */
  public static final int DEFAULT_MAX_CHARS = 200;

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private PeerText() {}

  /** The text escaped and cut to {@value #DEFAULT_MAX_CHARS} characters, in single quotes. */
  public static String quote(CharSequence text) {
    return "'" + escape(text, DEFAULT_MAX_CHARS) + "'";
  }

  /** The text escaped and cut to {@value #DEFAULT_MAX_CHARS} characters. */
  public static String escape(CharSequence text) {
    return escape(text, DEFAULT_MAX_CHARS);
  }

  /**
   * The text with every non-printable character escaped (a backslash, x and two hex digits below
   * U+0100; a backslash, u and four hex digits above), cut once the result reaches {@code maxChars}
   * characters and then followed by {@code … (N more)}, N counting the input characters left out.
   * Reads at most about {@code maxChars} input characters, so a megabyte line costs no more than a
   * short one.
   *
   * @param maxChars at least 1
   */
  public static String escape(CharSequence text, int maxChars) {
    if (maxChars < 1) {
      throw new IllegalArgumentException("maxChars must be positive, was " + maxChars);
    }
    StringBuilder out = new StringBuilder(Math.min(text.length(), maxChars) + 16);
    int i = 0;
    while (i < text.length()) {
      int codePoint = Character.codePointAt(text, i);
      int width = Character.charCount(codePoint);
      int before = out.length();
      append(out, codePoint, text, i, width);
      if (out.length() > maxChars) {
        out.setLength(before);
        break;
      }
      i += width;
    }
    if (i < text.length()) {
      out.append("… (").append(text.length() - i).append(" more)");
    }
    return out.toString();
  }

  private static void append(
      StringBuilder out, int codePoint, CharSequence text, int index, int width) {
    if (isPrintable(codePoint)) {
      out.append(text, index, index + width);
    } else if (codePoint < 0x100) {
      out.append("\\x").append(HEX[codePoint >> 4]).append(HEX[codePoint & 0xf]);
    } else {
      // A code point above U+FFFF is escaped as its two UTF-16 units, like Java source would.
      for (int k = index; k < index + width; k++) {
        char c = text.charAt(k);
        out.append("\\u")
            .append(HEX[(c >> 12) & 0xf])
            .append(HEX[(c >> 8) & 0xf])
            .append(HEX[(c >> 4) & 0xf])
            .append(HEX[c & 0xf]);
      }
    }
  }

  private static boolean isPrintable(int codePoint) {
    if (Character.isISOControl(codePoint)) {
      return false;
    }
    return switch (Character.getType(codePoint)) {
      case Character.FORMAT,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR,
          Character.UNASSIGNED,
          Character.PRIVATE_USE,
          Character.SURROGATE ->
          false;
      default -> true;
    };
  }
}
