package io.tunnelwatch.ios.config;

import java.util.Optional;

/**
 * Reads an {@code interface NAME} block. Only the lines that matter to IPsec are interpreted; the
 * rest (speed, duplex, descriptions, routing options) is kept as evidence without a warning.
 */
final class InterfaceBlock {

  private InterfaceBlock() {}

  static Optional<InterfaceConfig> parse(ConfigBlock block, ConfigWarnings warnings) {
    String[] header = block.headerTokens();
    if (header.length != 2) {
      warnings.warn(block.header(), "interface section without a single name, skipped");
      return Optional.empty();
    }
    Optional<String> address = Optional.empty();
    Optional<String> cryptoMap = Optional.empty();
    Optional<String> source = Optional.empty();
    Optional<String> destination = Optional.empty();
    Optional<String> protection = Optional.empty();
    for (ConfigLine line : block.children()) {
      String[] words = Tokens.split(line.text());
      if (Tokens.startsWith(words, "ip", "address")
          && words.length == 4
          && Ipv4.isAddress(words[2])
          && Ipv4.isAddress(words[3])) {
        address = Optional.of(words[2] + " " + words[3]);
      } else if (Tokens.startsWith(words, "crypto", "map") && words.length == 3) {
        cryptoMap = Optional.of(words[2]);
      } else if (Tokens.startsWith(words, "tunnel", "source") && words.length == 3) {
        source = Optional.of(words[2]);
      } else if (Tokens.startsWith(words, "tunnel", "destination") && words.length == 3) {
        destination = Optional.of(words[2]);
      } else if (Tokens.startsWith(words, "tunnel", "protection", "ipsec", "profile")
          && words.length >= 5) {
        protection = Optional.of(words[4]);
      }
    }
    return Optional.of(
        new InterfaceConfig(
            header[1], address, cryptoMap, source, destination, protection, block.printedLines()));
  }
}
