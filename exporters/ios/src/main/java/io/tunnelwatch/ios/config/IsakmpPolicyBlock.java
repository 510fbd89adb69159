package io.tunnelwatch.ios.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;

/** Reads a {@code crypto isakmp policy N} block, filling in IOS defaults for omitted lines. */
final class IsakmpPolicyBlock {

  private IsakmpPolicyBlock() {}

  static Optional<IsakmpPolicyConfig> parse(ConfigBlock block, ConfigWarnings warnings) {
    String[] header = block.headerTokens();
    OptionalInt priority = header.length == 4 ? Tokens.number(header[3]) : OptionalInt.empty();
    if (priority.isEmpty()) {
      warnings.warn(block.header(), "ISAKMP policy without a valid priority, skipped");
      return Optional.empty();
    }
    String encryption = IsakmpPolicyConfig.DEFAULT_ENCRYPTION;
    String hash = IsakmpPolicyConfig.DEFAULT_HASH;
    String authentication = IsakmpPolicyConfig.DEFAULT_AUTHENTICATION;
    int group = IsakmpPolicyConfig.DEFAULT_GROUP;
    Duration lifetime = IsakmpPolicyConfig.DEFAULT_LIFETIME;
    for (ConfigLine line : block.children()) {
      String[] words = Tokens.split(line.text());
      String keyword = words[0];
      if ((keyword.equals("encr") || keyword.equals("encryption")) && words.length >= 2) {
        encryption = encryption(Arrays.copyOfRange(words, 1, words.length));
      } else if (keyword.equals("hash") && words.length == 2) {
        hash = words[1];
      } else if (keyword.equals("authentication") && words.length == 2) {
        authentication = words[1];
      } else if (keyword.equals("group")
          && words.length == 2
          && Tokens.number(words[1]).isPresent()) {
        group = Tokens.number(words[1]).getAsInt();
      } else if (keyword.equals("lifetime")
          && words.length == 2
          && Tokens.number(words[1]).isPresent()) {
        lifetime = Duration.ofSeconds(Tokens.number(words[1]).getAsInt());
      } else {
        warnings.unrecognised(line);
      }
    }
    return Optional.of(
        new IsakmpPolicyConfig(
            priority.getAsInt(),
            encryption,
            hash,
            authentication,
            group,
            lifetime,
            block.printedLines()));
  }

  /** {@code aes} and {@code aes 128} are the same cipher; IOS prints the former. */
  private static String encryption(String[] words) {
    String joined = String.join(" ", words);
    return joined.equals("aes 128") ? "aes" : joined;
  }
}
