package io.tunnelwatch.agent.config;

import java.util.regex.Pattern;

/**
 * Names of environment variables, and whether a problem may print one: a secret pasted where its
 * variable's name belongs must not end up in a terminal or a log.
 */
final class EnvNames {

  private static final Pattern VALID = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** Upper case words joined by '_', as variables are conventionally named. */
  private static final Pattern CONVENTIONAL = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*_?");

  private static final int MAX_SHOWN = 64;

  /** A word of letters and digits this long is more likely a token than part of a name. */
  private static final int MAX_WORD = 16;

  private EnvNames() {}

  static boolean isValid(String name) {
    return VALID.matcher(name).matches();
  }

  /** Whether the name looks like a variable's name rather than like a secret. */
  static boolean safeToShow(String name) {
    if (name.length() > MAX_SHOWN || !CONVENTIONAL.matcher(name).matches()) {
      return false;
    }
    for (String word : name.split("_")) {
      if (word.length() > MAX_WORD) {
        return false;
      }
    }
    return true;
  }
}
