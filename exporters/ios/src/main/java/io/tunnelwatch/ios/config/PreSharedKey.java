package io.tunnelwatch.ios.config;

import java.util.Objects;
import java.util.Optional;

/**
 * A pre-shared key bound to a peer, as {@code crypto isakmp key} or a keyring's {@code
 * pre-shared-key} line configures it. The key itself is only held as a digest.
 *
 * @param peer the address (or host name) the key is bound to
 * @param encryptionType 0 when the key is printed in clear, 6 (AES) or 7 (Vigenère) otherwise
 * @param key digest of the key as printed
 * @param redactedLine the configuration line with the key replaced by {@code <redacted>}
 * @param mask the address mask printed after the peer, for a key bound to a whole network
 */
public record PreSharedKey(
    String peer, int encryptionType, KeyDigest key, String redactedLine, Optional<String> mask) {

  public PreSharedKey {
    Objects.requireNonNull(peer, "peer");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(redactedLine, "redactedLine");
    Objects.requireNonNull(mask, "mask");
  }

  /** A key bound to one address or host name. */
  public PreSharedKey(String peer, int encryptionType, KeyDigest key, String redactedLine) {
    this(peer, encryptionType, key, redactedLine, Optional.empty());
  }

  /** True when the key is bound to exactly {@code address} (no mask, or an all-ones mask). */
  public boolean boundExactlyTo(String address) {
    return peer.equals(address) && mask.map("255.255.255.255"::equals).orElse(true);
  }

  /** Number of network bits the key's mask covers, 32 without a mask; -1 for a bad mask. */
  int prefixLength() {
    return mask.map(Ipv4::prefixLength).orElse(32);
  }
}
