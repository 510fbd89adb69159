package io.tunnelwatch.ios.config;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * A salted SHA-256 digest of a pre-shared key: two keys can be compared without either being kept.
 * The salt is drawn once per JVM, so digests are only comparable within one run, and a digest that
 * leaks (in a heap dump, say) cannot be looked up in a precomputed table.
 */
public final class KeyDigest {

  private static final ByteBuffer SALT = newSalt();

  private final byte[] digest;

  private KeyDigest(byte[] digest) {
    this.digest = digest;
  }

  /** The digest of {@code key} as the router prints it (clear text, or its type 6/7 form). */
  public static KeyDigest of(String key) {
    MessageDigest sha256 = sha256();
    sha256.update(SALT.duplicate());
    sha256.update(key.getBytes(StandardCharsets.UTF_8));
    return new KeyDigest(sha256.digest());
  }

  private static ByteBuffer newSalt() {
    byte[] salt = new byte[32];
    new SecureRandom().nextBytes(salt);
    return ByteBuffer.wrap(salt).asReadOnlyBuffer();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide SHA-256.
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof KeyDigest that && MessageDigest.isEqual(digest, that.digest);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(digest);
  }

  @Override
  public String toString() {
    return Secrets.REDACTED;
  }
}
