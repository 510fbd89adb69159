package io.tunnelwatch.ios.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Collects field-level differences between the corpus expectation and our parse of one sample. */
final class Mismatches {

  private final String sample;
  private final List<String> problems = new ArrayList<>();
  private int compared;

  Mismatches(String sample) {
    this.sample = sample;
  }

  /** Compares when the expectation has the field; fields only we describe are not compared. */
  void check(String field, JsonNode expected, Object actual) {
    if (expected == null || expected.isMissingNode() || expected.isNull()) {
      return;
    }
    compared++;
    String want = expected.asText();
    String got = render(actual);
    if (!want.equals(got)) {
      problems.add(sample + ": " + field + ": expected '" + want + "' but parsed '" + got + "'");
    }
  }

  void checkValue(String field, String want, Object actual) {
    compared++;
    String got = render(actual);
    if (!want.equals(got)) {
      problems.add(sample + ": " + field + ": expected '" + want + "' but parsed '" + got + "'");
    }
  }

  void missing(String field) {
    compared++;
    problems.add(sample + ": " + field + ": expected in the output but not parsed");
  }

  List<String> problems() {
    return problems;
  }

  int compared() {
    return compared;
  }

  private static String render(Object value) {
    if (value instanceof Optional<?> o) {
      return o.map(String::valueOf).orElse("<absent>");
    }
    if (value instanceof OptionalLong o) {
      return o.isPresent() ? Long.toString(o.getAsLong()) : "<absent>";
    }
    if (value instanceof OptionalInt o) {
      return o.isPresent() ? Integer.toString(o.getAsInt()) : "<absent>";
    }
    return String.valueOf(value);
  }
}
