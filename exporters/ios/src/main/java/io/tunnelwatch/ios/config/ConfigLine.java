package io.tunnelwatch.ios.config;

/**
 * One non-blank line of configuration output.
 *
 * @param number 1-based line number in the raw output
 * @param printed the line as printed, trailing blanks removed (leading blanks kept: they show the
 *     sub-mode)
 * @param text the line trimmed, which is what parsers match against
 */
record ConfigLine(int number, String printed, String text) {

  /** True for a line inside a configuration mode (printed indented under its parent). */
  boolean indented() {
    return !printed.isEmpty() && Character.isWhitespace(printed.charAt(0));
  }
}
