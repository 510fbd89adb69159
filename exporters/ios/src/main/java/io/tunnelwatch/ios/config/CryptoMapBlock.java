package io.tunnelwatch.ios.config;

import java.util.Optional;
import java.util.OptionalInt;

/** Reads {@code crypto map NAME SEQ ipsec-isakmp} and {@code crypto ipsec profile NAME} blocks. */
final class CryptoMapBlock {

  private CryptoMapBlock() {}

  static Optional<CryptoMapEntry> entry(ConfigBlock block, ConfigWarnings warnings) {
    String[] words = block.headerTokens();
    OptionalInt sequence = Tokens.number(words[3]);
    if (sequence.isEmpty()) {
      warnings.warn(block.header(), "crypto map entry without a sequence number, skipped");
      return Optional.empty();
    }
    SetLines set = new SetLines();
    set.read(block, true, warnings);
    return Optional.of(
        new CryptoMapEntry(
            words[2],
            sequence.getAsInt(),
            set.peers,
            set.transformSets,
            set.matchAddress,
            set.pfsGroup,
            block.printedLines(),
            set.saLifetime));
  }

  static Optional<IpsecProfileConfig> profile(ConfigBlock block, ConfigWarnings warnings) {
    String[] words = block.headerTokens();
    if (words.length != 4) {
      warnings.warn(block.header(), "IPsec profile without a single name, skipped");
      return Optional.empty();
    }
    SetLines set = new SetLines();
    set.read(block, false, warnings);
    return Optional.of(
        new IpsecProfileConfig(
            words[3], set.transformSets, set.pfsGroup, block.printedLines(), set.saLifetime));
  }
}
