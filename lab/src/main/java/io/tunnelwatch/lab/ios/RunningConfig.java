package io.tunnelwatch.lab.ios;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A running configuration as IOS stores it: top-level commands, each followed by its indented
 * sub-commands, with {@code !} separators, ending in {@code end}.
 *
 * @param lines every line, without line terminators
 */
record RunningConfig(List<String> lines) {

  RunningConfig {
    lines = List.copyOf(lines);
  }

  /** {@code show running-config}. */
  String show() {
    return withHeader(lines);
  }

  /**
   * {@code show running-config interface NAME}: the interface's block between a {@code !} and
   * {@code end}; empty if the configuration has no such interface.
   */
  Optional<String> showInterface(String name) {
    int start = lines.indexOf("interface " + name);
    if (start < 0) {
      return Optional.empty();
    }
    int end = start + 1;
    while (end < lines.size() && lines.get(end).startsWith(" ")) {
      end++;
    }
    List<String> excerpt = new ArrayList<>();
    excerpt.add("!");
    excerpt.addAll(lines.subList(start, end));
    excerpt.add("end");
    return Optional.of(withHeader(excerpt));
  }

  /**
   * Adds IOS's header. The byte count is the size of everything printed after the count line, the
   * blank line after {@code end} included, which is what real routers report.
   */
  private static String withHeader(List<String> body) {
    StringBuilder text = new StringBuilder();
    body.forEach(l -> text.append(l).append('\n'));
    text.append('\n');
    return "Building configuration...\n\nCurrent configuration : "
        + text.length()
        + " bytes\n"
        + text;
  }
}
