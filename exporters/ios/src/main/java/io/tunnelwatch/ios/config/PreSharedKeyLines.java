package io.tunnelwatch.ios.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads pre-shared keys from {@code crypto isakmp key [0|6|7] KEY address A [MASK] [no-xauth]} /
 * {@code ... hostname H} lines and from a keyring's {@code pre-shared-key address A [MASK] key
 * [0|6|7] KEY} / {@code pre-shared-key hostname H key KEY} lines. The key text goes straight into a
 * digest and a redacted copy of the line.
 */
final class PreSharedKeyLines {

  private PreSharedKeyLines() {}

  /** A global {@code crypto isakmp key} line. */
  static Optional<PreSharedKey> global(ConfigLine line, ConfigWarnings warnings) {
    String[] words = Tokens.split(line.text());
    int keyAt = 3;
    int type = 0;
    if (words.length > 5 && Secrets.isTypeDigit(words[3]) && !isBinding(words[4])) {
      type = words[3].charAt(0) - '0';
      keyAt = 4;
    }
    if (words.length < keyAt + 3 || !isBinding(words[keyAt + 1])) {
      warnings.warn(line, "pre-shared key line without a peer address or host name, skipped");
      return Optional.empty();
    }
    return key(line, words, keyAt, type, keyAt + 1, warnings);
  }

  /** A keyring's {@code pre-shared-key} line. */
  static Optional<PreSharedKey> keyring(ConfigLine line, ConfigWarnings warnings) {
    String[] words = Tokens.split(line.text());
    int keyWord = -1;
    for (int i = 2; i < words.length; i++) {
      if (words[i].equals("key")) {
        keyWord = i;
        break;
      }
    }
    int keyAt = keyWord + 1;
    int type = 0;
    if (keyWord > 0 && words.length == keyAt + 2 && Secrets.isTypeDigit(words[keyAt])) {
      type = words[keyAt].charAt(0) - '0';
      keyAt++;
    }
    if (keyWord < 0 || words.length != keyAt + 1 || !isBinding(words[1])) {
      warnings.warn(line, "pre-shared-key line not in the form 'pre-shared-key address A key K'");
      return Optional.empty();
    }
    return key(line, words, keyAt, type, 1, warnings);
  }

  private static Optional<PreSharedKey> key(
      ConfigLine line,
      String[] words,
      int keyAt,
      int type,
      int bindingAt,
      ConfigWarnings warnings) {
    int peerAt = bindingAt + 1;
    if (words[bindingAt].equals("address")
        && words.length > peerAt
        && words[peerAt].equals("ipv6")) {
      peerAt++;
    }
    if (words.length <= peerAt || peerAt == keyAt) {
      warnings.warn(line, "pre-shared key line without a peer, skipped");
      return Optional.empty();
    }
    String peer = words[peerAt];
    Optional<String> mask =
        words.length > peerAt + 1 && peerAt + 1 != keyAt && Ipv4.isAddress(words[peerAt + 1])
            ? Optional.of(words[peerAt + 1])
            : Optional.empty();
    KeyDigest digest = KeyDigest.of(words[keyAt]);
    return Optional.of(new PreSharedKey(peer, type, digest, redacted(line, words, keyAt), mask));
  }

  private static String redacted(ConfigLine line, String[] words, int keyAt) {
    List<String> shown = new ArrayList<>(List.of(words));
    shown.set(keyAt, Secrets.REDACTED);
    String indent = line.printed().substring(0, line.printed().length() - line.text().length());
    return indent + String.join(" ", shown);
  }

  private static boolean isBinding(String word) {
    return word.equals("address") || word.equals("hostname");
  }
}
