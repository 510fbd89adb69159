package io.tunnelwatch.ios.parse;

import java.util.List;
import java.util.Objects;

/**
 * A parse result together with the lines the parser had to skip.
 *
 * @param value what the parser understood
 * @param warnings skipped or doubtful lines, in input order
 */
public record Parsed<T>(T value, List<ParseWarning> warnings) {

  public Parsed {
    Objects.requireNonNull(value, "value");
    warnings = List.copyOf(warnings);
  }
}
