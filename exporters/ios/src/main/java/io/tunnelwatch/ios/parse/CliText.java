package io.tunnelwatch.ios.parse;

import io.tunnelwatch.core.PeerText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns raw terminal output into the lines a parser should look at: it drops what the terminal adds
 * around a command's output (prompt, command echo, {@code Load for five secs} / {@code Time source}
 * banners) and rejects IOS error messages, so that parsers only see the command's own text.
 */
public final class CliText {

  /** A prompt alone, or a prompt followed by the command it ran. */
  private static final Pattern PROMPT =
      Pattern.compile(
          "[\\w.\\-/:()@]{1,64}[#>]\\s*(?:(?:show|sh|terminal|term)\\b.*)?",
          Pattern.CASE_INSENSITIVE);

  /** A bare command echo, as captured by tools that strip the prompt. */
  private static final Pattern ECHO =
      Pattern.compile("(?:show|sh)\\s+\\S.*", Pattern.CASE_INSENSITIVE);

  private static final String[] IOS_ERRORS = {
    "% invalid input", "% incomplete command", "% ambiguous command", "% unknown command",
    "% unrecognized command", "% invalid command", "% bad ip address", "% type \"show ?\"",
  };

  private CliText() {}

  /**
   * Splits {@code output} into cleaned non-blank lines.
   *
   * @throws ParseException when the output is null or holds an IOS error message
   */
  static List<Line> lines(String command, String output) {
    List<Line> lines = contentLines(command, output);
    for (Line line : lines) {
      rejectIosError(command, line.text(), line.number());
    }
    return lines;
  }

  /**
   * The non-blank lines of {@code output} without the terminal's noise, IOS error messages
   * included: for parsers with error rules of their own (a configuration parser refuses any {@code
   * %} line).
   *
   * @throws ParseException when the output is null
   */
  public static List<Line> contentLines(String command, String output) {
    if (output == null) {
      throw new ParseException(command, "no output (null)");
    }
    List<Line> lines = new ArrayList<>();
    int length = output.length();
    int start = 0;
    int number = 1;
    boolean firstContentLine = true;
    while (start <= length) {
      int end = start;
      while (end < length) {
        char c = output.charAt(end);
        if (c == '\n' || c == '\r') {
          break;
        }
        end++;
      }
      String raw = output.substring(start, end);
      String text = clean(raw);
      if (!text.isEmpty() && !isTerminalNoise(text, firstContentLine)) {
        lines.add(new Line(number, raw, text));
      }
      if (!text.isEmpty()) {
        firstContentLine = false;
      }
      if (end >= length) {
        break;
      }
      // CRLF counts as one line end; a lone CR (old IOS terminals) as one too.
      start = end + 1;
      if (output.charAt(end) == '\r' && start < length && output.charAt(start) == '\n') {
        start++;
      }
      number++;
    }
    return lines;
  }

  private static String clean(String raw) {
    String text = raw.indexOf('\t') >= 0 ? raw.replace('\t', ' ') : raw;
    return text.strip();
  }

  private static boolean isTerminalNoise(String text, boolean firstContentLine) {
    if (text.startsWith("Load for ") || text.startsWith("Time source is ")) {
      return true;
    }
    if ((text.indexOf('#') > 0 || text.indexOf('>') > 0) && PROMPT.matcher(text).matches()) {
      return true;
    }
    return firstContentLine && ECHO.matcher(text).matches();
  }

  private static void rejectIosError(String command, String text, int number) {
    if (!text.startsWith("%")) {
      return;
    }
    String lower = text.toLowerCase(Locale.ROOT);
    for (String error : IOS_ERRORS) {
      if (lower.startsWith(error)) {
        throw new ParseException(
            command, "IOS rejected the command: " + PeerText.quote(text), number);
      }
    }
  }
}
