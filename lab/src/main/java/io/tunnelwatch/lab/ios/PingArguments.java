package io.tunnelwatch.lab.ios;

import io.tunnelwatch.lab.ios.ParsedLine.Rejected.Kind;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Parses what follows {@code ping}: an optional {@code ip}, the target address, then the keywords
 * {@code source}, {@code repeat}, {@code timeout} and {@code size} in any order, each at most once
 * and abbreviable like every IOS keyword.
 */
final class PingArguments {

  /** The ping keywords the lab knows, with the values IOS accepts. */
  private enum Keyword {
    REPEAT("repeat", 1, MAX_REPEAT),
    SIZE("size", 36, 18_024),
    SOURCE("source", 0, 0),
    TIMEOUT("timeout", 0, 3600);

    private final String word;
    private final long min;
    private final long max;

    Keyword(String word, long min, long max) {
      this.word = word;
      this.min = min;
      this.max = max;
    }
  }

  /**
   * IOS accepts up to 2147483647 echoes; the lab answers at once with the whole bang line, so it
   * stops at a count a terminal still shows.
   */
  static final int MAX_REPEAT = 1000;

  /** Either the request or the reason there is none. */
  record Outcome(PingRequest request, ParsedLine.Rejected error) {}

  private final InterfaceNames interfaces;

  PingArguments(InterfaceNames interfaces) {
    this.interfaces = interfaces;
  }

  /**
   * @param tokens the words after {@code ping}
   * @param line the whole line as typed, for the error messages
   */
  Outcome parse(List<Token> tokens, String line) {
    int i = 0;
    if (i < tokens.size() && tokens.get(i).text().equalsIgnoreCase("ip")) {
      i++;
    }
    if (i >= tokens.size()) {
      return error(Kind.INCOMPLETE, line.length(), line);
    }
    Token target = tokens.get(i++);
    if (!isAddress(target.text())) {
      // IOS takes any other word for a host name; the lab's routers resolve none.
      return error(Kind.UNRECOGNIZED_HOST, target.start(), line);
    }
    Set<Keyword> seen = EnumSet.noneOf(Keyword.class);
    Optional<String> sourceInterface = Optional.empty();
    Optional<String> sourceAddress = Optional.empty();
    int repeat = PingRequest.DEFAULT_REPEAT;
    int timeout = PingRequest.DEFAULT_TIMEOUT_SECONDS;
    int size = PingRequest.DEFAULT_SIZE;
    while (i < tokens.size()) {
      Token word = tokens.get(i++);
      List<Keyword> matches = keywords(word.text());
      if (matches.size() > 1) {
        return error(Kind.AMBIGUOUS, word.start(), line);
      }
      if (matches.isEmpty() || !seen.add(matches.get(0))) {
        return error(Kind.INVALID, word.start(), line);
      }
      Keyword keyword = matches.get(0);
      if (i >= tokens.size()) {
        return error(Kind.INCOMPLETE, line.length(), line);
      }
      Token value = tokens.get(i++);
      if (keyword == Keyword.SOURCE) {
        if (isAddress(value.text())) {
          sourceAddress = Optional.of(value.text());
          continue;
        }
        Optional<String> name = interfaces.resolve(List.of(value));
        if (name.isEmpty() && InterfaceNames.typeOnly(List.of(value))) {
          if (i >= tokens.size()) {
            return error(Kind.INCOMPLETE, line.length(), line);
          }
          // "source Tunnel 10": the type and the number may be two words.
          name = interfaces.resolve(List.of(value, tokens.get(i)));
          i++;
        }
        if (name.isEmpty()) {
          return error(Kind.INVALID, value.start(), line);
        }
        sourceInterface = name;
        continue;
      }
      Optional<Integer> number = number(value.text(), keyword);
      if (number.isEmpty()) {
        return error(Kind.INVALID, value.start(), line);
      }
      switch (keyword) {
        case REPEAT -> repeat = number.get();
        case SIZE -> size = number.get();
        case TIMEOUT -> timeout = number.get();
        case SOURCE -> throw new IllegalStateException("handled above");
      }
    }
    return new Outcome(
        new PingRequest(target.text(), sourceInterface, sourceAddress, repeat, timeout, size),
        null);
  }

  private static List<Keyword> keywords(String typed) {
    String lower = typed.toLowerCase(Locale.ROOT);
    return List.of(Keyword.values()).stream().filter(k -> k.word.startsWith(lower)).toList();
  }

  private static Optional<Integer> number(String text, Keyword keyword) {
    if (!text.matches("\\d{1,10}")) {
      return Optional.empty();
    }
    long value = Long.parseLong(text);
    return value < keyword.min || value > keyword.max ? Optional.empty() : Optional.of((int) value);
  }

  /** A dotted quad of numbers 0-255, as IOS reads a literal address. */
  static boolean isAddress(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String part : parts) {
      if (!part.matches("\\d{1,3}") || Integer.parseInt(part) > 255) {
        return false;
      }
    }
    return true;
  }

  private static Outcome error(Kind kind, int position, String line) {
    return new Outcome(null, new ParsedLine.Rejected(kind, position, line));
  }
}
