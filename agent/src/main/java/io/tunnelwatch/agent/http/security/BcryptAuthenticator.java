package io.tunnelwatch.agent.http.security;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.sun.net.httpserver.BasicAuthenticator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Basic authentication against bcrypt hashes ({@code $2a$}, {@code $2b$}, {@code $2y$}, as htpasswd
 * writes them). A bcrypt check costs tens of milliseconds by design, and Prometheus sends the same
 * credentials every scrape: credentials that passed once are remembered by their SHA-256 for as
 * long as the process runs (a bounded set), so only new or wrong ones pay the cost.
 */
final class BcryptAuthenticator extends BasicAuthenticator {

  private static final int REMEMBERED = 64;

  /** A hash nobody's password matches, checked for unknown users so they cost as much as known. */
  private static final byte[] DECOY =
      "$2y$10$s8annF/IV2RMOdSbWTH/luUjVleNEepYD./C7g5Q64CpE1FL.PYJO"
          .getBytes(StandardCharsets.UTF_8);

  private final Map<String, byte[]> hashes;
  private final Set<String> passed = ConcurrentHashMap.newKeySet();

  BcryptAuthenticator(Map<String, String> users) {
    super("tunnelwatch", StandardCharsets.UTF_8);
    this.hashes = new ConcurrentHashMap<>();
    users.forEach((user, hash) -> hashes.put(user, hash.getBytes(StandardCharsets.UTF_8)));
  }

  @Override
  public boolean checkCredentials(String user, String password) {
    String fingerprint = fingerprint(user, password);
    if (passed.contains(fingerprint)) {
      return true;
    }
    byte[] hash = hashes.get(user);
    boolean valid =
        BCrypt.verifyer()
                .verify(password.getBytes(StandardCharsets.UTF_8), hash == null ? DECOY : hash)
                .verified
            && hash != null;
    if (valid && passed.size() < REMEMBERED) {
      passed.add(fingerprint);
    }
    return valid;
  }

  private static String fingerprint(String user, String password) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(user.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(password.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
