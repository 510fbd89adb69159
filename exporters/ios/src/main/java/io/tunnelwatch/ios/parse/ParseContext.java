package io.tunnelwatch.ios.parse;

import io.tunnelwatch.core.PeerText;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Per-call state of one parse: the command name and the warnings collected so far. */
final class ParseContext {

  private final String command;
  private final List<ParseWarning> warnings = new ArrayList<>();

  ParseContext(String command) {
    this.command = command;
  }

  String command() {
    return command;
  }

  void warn(Line line, String reason) {
    warnings.add(new ParseWarning(command, line.number(), line.raw(), reason));
  }

  void warn(String reason) {
    warnings.add(new ParseWarning(command, 0, "", reason));
  }

  void unrecognised(Line line) {
    warn(line, "unrecognised line, skipped");
  }

  /** Parses a run of digits; a value too large for a long becomes empty with a warning. */
  OptionalLong number(String digits, Line line) {
    try {
      return OptionalLong.of(Long.parseLong(digits));
    } catch (NumberFormatException e) {
      warn(line, "number out of range: " + PeerText.quote(digits));
      return OptionalLong.empty();
    }
  }

  OptionalInt smallNumber(String digits, Line line) {
    try {
      return OptionalInt.of(Integer.parseInt(digits));
    } catch (NumberFormatException e) {
      warn(line, "number out of range: " + PeerText.quote(digits));
      return OptionalInt.empty();
    }
  }

  ParseException fail(String reason) {
    return new ParseException(command, reason);
  }

  ParseException fail(Line line, String reason) {
    return new ParseException(command, reason, line.number());
  }

  <T> Parsed<T> result(T value) {
    return new Parsed<>(value, warnings);
  }
}
