package io.tunnelwatch.agent.diagnose;

import io.tunnelwatch.core.PeerText;
import java.util.List;
import java.util.function.Predicate;

/** The lines of a router's output that show a finding, escaped and bounded for any output. */
final class Evidence {

  /** Enough lines to see a finding; a table of a thousand SAs is not evidence, its row is. */
  static final int MAX_LINES = 12;

  private static final int MAX_LINE_CHARS = 200;

  private Evidence() {}

  /** The lines of {@code output} that {@code keep} selects, at most {@link #MAX_LINES}. */
  static List<String> lines(String output, Predicate<String> keep) {
    return output
        .lines()
        .filter(line -> !line.isBlank())
        .filter(keep)
        .limit(MAX_LINES)
        .map(Evidence::shorten)
        .toList();
  }

  static List<String> containing(String output, String text) {
    return lines(output, line -> line.contains(text));
  }

  /** One line of router text as safe to show: escaped control characters, bounded length. */
  static String shorten(String line) {
    return PeerText.escape(line.stripTrailing(), MAX_LINE_CHARS);
  }
}
