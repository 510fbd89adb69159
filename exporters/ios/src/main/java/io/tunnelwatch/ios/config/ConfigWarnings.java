package io.tunnelwatch.ios.config;

import io.tunnelwatch.ios.parse.ParseWarning;
import java.util.ArrayList;
import java.util.List;

/** Collects the warnings of one parse, redacting every line before it is kept. */
final class ConfigWarnings {

  private final String command;
  private final List<ParseWarning> warnings = new ArrayList<>();

  ConfigWarnings(String command) {
    this.command = command;
  }

  void warn(ConfigLine line, String reason) {
    warnings.add(new ParseWarning(command, line.number(), Secrets.redact(line.printed()), reason));
  }

  void unrecognised(ConfigLine line) {
    warn(line, "unrecognised line, skipped");
  }

  List<ParseWarning> list() {
    return List.copyOf(warnings);
  }
}
