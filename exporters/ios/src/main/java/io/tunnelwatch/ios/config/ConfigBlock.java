package io.tunnelwatch.ios.config;

import java.util.ArrayList;
import java.util.List;

/**
 * A top-level configuration line with the indented lines under it.
 *
 * @param header the unindented line opening the block
 * @param children the indented lines that follow it
 */
record ConfigBlock(ConfigLine header, List<ConfigLine> children) {

  ConfigBlock {
    children = List.copyOf(children);
  }

  /** Groups lines into blocks; indented lines before the first header form a headless block. */
  static List<ConfigBlock> of(List<ConfigLine> lines, ConfigWarnings warnings) {
    List<ConfigBlock> blocks = new ArrayList<>();
    ConfigLine header = null;
    List<ConfigLine> children = new ArrayList<>();
    for (ConfigLine line : lines) {
      if (line.indented() && header != null) {
        children.add(line);
      } else if (line.indented()) {
        warnings.warn(line, "indented line outside any section, skipped");
      } else {
        if (header != null) {
          blocks.add(new ConfigBlock(header, children));
        }
        header = line;
        children = new ArrayList<>();
      }
    }
    if (header != null) {
      blocks.add(new ConfigBlock(header, children));
    }
    return blocks;
  }

  /** The block's lines as printed, secrets redacted: the evidence a finding quotes. */
  List<String> printedLines() {
    List<String> lines = new ArrayList<>(children.size() + 1);
    lines.add(Secrets.redact(header.printed()));
    children.forEach(child -> lines.add(Secrets.redact(child.printed())));
    return lines;
  }

  /** The header's words. */
  String[] headerTokens() {
    return Tokens.split(header.text());
  }
}
