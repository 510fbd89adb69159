package io.tunnelwatch.ios.config;

import io.tunnelwatch.core.PeerText;
import io.tunnelwatch.ios.parse.CliText;
import io.tunnelwatch.ios.parse.Line;
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
   * The lines of {@code output} a configuration parser should look at: the terminal's noise goes as
   * for every parser ({@link CliText#contentLines}), the configuration's framing here.
   *
   * @throws ParseException when the router answered with an error message instead of output
   */
  static List<ConfigLine> lines(String command, String output) {
    List<ConfigLine> lines = new ArrayList<>();
    for (Line line : CliText.contentLines(command, output)) {
      String text = line.text();
      if (isFrame(text)) {
        continue;
      }
      if (text.startsWith("%") || isDenied(text)) {
        throw new ParseException(
            command,
            (isDenied(text) ? "the router refused the command: " : "IOS answered with an error: ")
                + PeerText.quote(text),
            line.number());
      }
      String printed = line.raw().replace('\t', ' ').stripTrailing();
      lines.add(new ConfigLine(line.number(), printed, text));
    }
    return lines;
  }

  private static boolean isFrame(String text) {
    return text.startsWith("!")
        || text.equals("end")
        || text.equals("Building configuration...")
        || CURRENT_CONFIGURATION.matcher(text).matches();
  }
}
