package io.tunnelwatch.lab.ios;

import java.util.ArrayList;
import java.util.List;

/**
 * One blank-separated word of an exec line.
 *
 * @param start its column in the line, where a caret pointing at it goes
 */
record Token(String text, int start) {

  /** The words of {@code text}, their columns shifted by {@code offset}. */
  static List<Token> split(String text, int offset) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      if (i > start) {
        tokens.add(new Token(text.substring(start, i), offset + start));
      }
    }
    return tokens;
  }
}
