package io.tunnelwatch.agent.config;

/** How a configured value appears in a problem: short ones whole, long ones cut. */
final class Shown {

  /** Long enough for any name, host or duration; a longer value is cut to this. */
  static final int MAX_CHARS = 64;

  private Shown() {}

  /** The value in quotes, cut after {@link #MAX_CHARS} characters with its length said. */
  static String quoted(@org.jspecify.annotations.Nullable String value) {
    if (value == null) {
      return "nothing";
    }
    if (value.length() <= MAX_CHARS) {
      return "'" + value + "'";
    }
    return "'" + value.substring(0, MAX_CHARS) + "...' (" + value.length() + " characters)";
  }
}
