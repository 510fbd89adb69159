package io.tunnelwatch.lab.ios;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An IOS output modifier ({@code | include|exclude|begin|section REGEX}) applied line by line.
 *
 * @param regex IOS takes everything after the keyword, blanks included, as the expression
 */
public record OutputPipe(Kind kind, String regex) {

  /** The supported modifiers. */
  public enum Kind {
    INCLUDE("include"),
    EXCLUDE("exclude"),
    BEGIN("begin"),
    SECTION("section");

    private final String keyword;

    Kind(String keyword) {
      this.keyword = keyword;
    }

    public String keyword() {
      return keyword;
    }
  }

  /** Filters text whose lines each end in {@code \n}. */
  public String apply(String text) {
    Pattern pattern = compile();
    List<String> lines = text.lines().toList();
    List<String> kept = new ArrayList<>();
    switch (kind) {
      case INCLUDE -> lines.stream().filter(l -> pattern.matcher(l).find()).forEach(kept::add);
      case EXCLUDE -> lines.stream().filter(l -> !pattern.matcher(l).find()).forEach(kept::add);
      case BEGIN -> {
        boolean started = false;
        for (String line : lines) {
          started = started || pattern.matcher(line).find();
          if (started) {
            kept.add(line);
          }
        }
      }
      case SECTION -> section(lines, pattern, kept);
    }
    StringBuilder out = new StringBuilder();
    kept.forEach(l -> out.append(l).append('\n'));
    return out.toString();
  }

  /**
   * A section is an unindented line and the indented lines under it. IOS prints a section whole,
   * header and every child, when the header or any of its children matches.
   */
  private static void section(List<String> lines, Pattern pattern, List<String> kept) {
    int i = 0;
    while (i < lines.size()) {
      int end = i + 1;
      while (end < lines.size() && isIndented(lines.get(end))) {
        end++;
      }
      List<String> section = lines.subList(i, end);
      if (section.stream().anyMatch(l -> pattern.matcher(l).find())) {
        kept.addAll(section);
      }
      i = end;
    }
  }

  private static boolean isIndented(String line) {
    return !line.isEmpty() && Character.isWhitespace(line.charAt(0));
  }

  private Pattern compile() {
    try {
      return Pattern.compile(regex);
    } catch (RuntimeException e) {
      // IOS regexes are close to Java's; anything Java rejects is matched literally.
      return Pattern.compile(Pattern.quote(regex));
    }
  }
}
