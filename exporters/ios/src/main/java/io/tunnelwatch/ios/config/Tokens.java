package io.tunnelwatch.ios.config;

import java.util.OptionalInt;
import java.util.regex.Pattern;

/** Word splitting and number reading shared by the configuration parsers. */
final class Tokens {

  private static final Pattern BLANKS = Pattern.compile("\\s+");

  private Tokens() {}

  static String[] split(String text) {
    return BLANKS.split(text.strip());
  }

  /** A non-negative decimal that fits an int, else empty. */
  static OptionalInt number(String text) {
    if (text.isEmpty() || text.length() > 9 || !text.chars().allMatch(Character::isDigit)) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(Integer.parseInt(text));
  }

  /** True when the words start with {@code prefix}, word by word. */
  static boolean startsWith(String[] words, String... prefix) {
    if (words.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (!words[i].equalsIgnoreCase(prefix[i])) {
        return false;
      }
    }
    return true;
  }
}
