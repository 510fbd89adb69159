package io.tunnelwatch.lab;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The few JSON notations the control API writes. The lab has no JSON library on purpose (it keeps
 * the module free of anything the agent uses), and its documents are small and flat.
 */
final class Json {
  private Json() {}

  /** A JSON string literal. */
  static String string(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (int at = 0; at < text.length(); at++) {
      char c = text.charAt(at);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /** An object from already rendered member values, in the map's order. */
  static String object(Map<String, String> members) {
    return members.entrySet().stream()
        .map(e -> string(e.getKey()) + ":" + e.getValue())
        .collect(Collectors.joining(",", "{", "}"));
  }

  /** An array of already rendered values. */
  static String array(List<String> values) {
    return values.stream().collect(Collectors.joining(",", "[", "]"));
  }
}
