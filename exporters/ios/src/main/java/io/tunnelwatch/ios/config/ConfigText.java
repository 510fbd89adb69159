package io.tunnelwatch.ios.config;

import io.tunnelwatch.core.PeerText;
import io.tunnelwatch.ios.parse.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Splits configuration-style output into lines, dropping what the terminal and IOS print around the
 * configuration itself, and rejecting IOS error messages.
 */
final class ConfigText {

  private static final Pattern PROMPT_ECHO =
      Pattern.compile(
          "[\\w.\\-/:()@]{1,64}[#>]\\s*(?:(?:show|sh)\\b.*)?", Pattern.CASE_INSENSITIVE);
  private static final Pattern BARE_ECHO =
      Pattern.compile("(?:show|sh)\\s+\\S.*", Pattern.CASE_INSENSITIVE);
  private static final Pattern CURRENT_CONFIGURATION =
      Pattern.compile("Current configuration\\s*:\\s*\\d+ bytes");

  private static final String[] DENIALS = {
    "% invalid input detected at '^' marker",
    "% authorization failed",
    "command authorization failed",
    "% this command is not authorized",
  };

  private ConfigText() {}

  /**
   * True when the output says the router refused the command to this account, which is not the same
   * as a configuration without the section asked for.
   */
  static boolean isDenied(String output) {
    for (String line : output.split("\\R")) {
      String lower = line.strip().toLowerCase(Locale.ROOT);
      for (String denial : DENIALS) {
        if (lower.startsWith(denial)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The lines of {@code output} a configuration parser should look at.
   *
   * @throws ParseException when the router answered with an error message instead of output
   */
  static List<ConfigLine> lines(String command, String output) {
    List<ConfigLine> lines = new ArrayList<>();
    String[] raw = output.split("\\r\\n|\\r|\\n", -1);
    boolean first = true;
    for (int i = 0; i < raw.length; i++) {
      String printed = raw[i].replace('\t', ' ').stripTrailing();
      String text = printed.strip();
      if (text.isEmpty()) {
        continue;
      }
      boolean wasFirst = first;
      first = false;
      if (isFrame(text, wasFirst)) {
        continue;
      }
      if (text.startsWith("%") || isDenied(text)) {
        throw new ParseException(
            command,
            (isDenied(text) ? "the router refused the command: " : "IOS answered with an error: ")
                + PeerText.quote(text),
            i + 1);
      }
      lines.add(new ConfigLine(i + 1, printed, text));
    }
    return lines;
  }

  private static boolean isFrame(String text, boolean first) {
    if (text.startsWith("!")
        || text.equals("end")
        || text.equals("Building configuration...")
        || CURRENT_CONFIGURATION.matcher(text).matches()
        || text.startsWith("Load for ")
        || text.startsWith("Time source is ")) {
      return true;
    }
    if ((text.indexOf('#') > 0 || text.indexOf('>') > 0) && PROMPT_ECHO.matcher(text).matches()) {
      return true;
    }
    return first && BARE_ECHO.matcher(text).matches();
  }
}
