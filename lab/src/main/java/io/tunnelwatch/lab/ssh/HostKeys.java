package io.tunnelwatch.lab.ssh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.Iterator;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;

/**
 * Router host keys: ECDSA P-256 (fast to generate, understood by every client), either kept in a
 * file so a client's known_hosts stays valid across restarts, or held only in memory.
 */
final class HostKeys {
  private HostKeys() {}

  /**
   * Loads the key from {@code file}, creating it on first use.
   *
   * @param file where the key lives; null for a key that exists only in memory
   * @param replace discard any existing key and make a new one (a "changed host key")
   */
  static KeyPair load(Path file, boolean replace) {
    try {
      if (file == null) {
        return KeyUtils.generateKeyPair("ecdsa-sha2-nistp256", 256);
      }
      if (replace) {
        Files.deleteIfExists(file);
      }
      Files.createDirectories(file.toAbsolutePath().getParent());
      SimpleGeneratorHostKeyProvider provider = new SimpleGeneratorHostKeyProvider(file);
      provider.setAlgorithm(KeyUtils.EC_ALGORITHM);
      provider.setKeySize(256);
      Iterator<KeyPair> keys = provider.loadKeys(null).iterator();
      if (!keys.hasNext()) {
        throw new IllegalStateException("no host key could be loaded from " + file);
      }
      return keys.next();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate a host key", e);
    }
  }
}
