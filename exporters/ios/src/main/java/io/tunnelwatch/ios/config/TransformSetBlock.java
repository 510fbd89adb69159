package io.tunnelwatch.ios.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a {@code crypto ipsec transform-set NAME TRANSFORM...} block; a key size printed after a
 * cipher ({@code esp-aes 256}) stays with that cipher.
 */
final class TransformSetBlock {

  private TransformSetBlock() {}

  static Optional<TransformSetConfig> parse(ConfigBlock block, ConfigWarnings warnings) {
    String[] words = block.headerTokens();
    if (words.length < 5) {
      warnings.warn(block.header(), "transform set without a name or transforms, skipped");
      return Optional.empty();
    }
    List<String> transforms = new ArrayList<>();
    for (int i = 4; i < words.length; i++) {
      if (Tokens.number(words[i]).isPresent() && !transforms.isEmpty()) {
        int last = transforms.size() - 1;
        transforms.set(last, transforms.get(last) + " " + words[i]);
      } else {
        transforms.add(words[i]);
      }
    }
    String mode = TransformSetConfig.DEFAULT_MODE;
    for (ConfigLine line : block.children()) {
      String[] child = Tokens.split(line.text());
      if (child[0].equals("mode")
          && child.length >= 2
          && (child[1].equals("tunnel") || child[1].equals("transport"))) {
        mode = child[1];
      } else {
        warnings.unrecognised(line);
      }
    }
    return Optional.of(new TransformSetConfig(words[3], transforms, mode, block.printedLines()));
  }
}
