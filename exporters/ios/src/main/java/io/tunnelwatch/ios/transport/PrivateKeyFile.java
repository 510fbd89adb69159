package io.tunnelwatch.ios.transport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.session.SessionContext;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.jspecify.annotations.Nullable;

/**
 * Reads the key pairs of an OpenSSH or PEM private key file the way the SSH transport logs in with
 * them, so that the configuration check accepts exactly the files the transport can use.
 */
public final class PrivateKeyFile {

  private PrivateKeyFile() {}

  /**
   * The key pairs in {@code keyFile}.
   *
   * @param session the session the keys are for, or null when only checking the file
   * @param passwords asked for the passphrase only when the key is encrypted
   * @throws IOException when the file cannot be read, holds no private key, or cannot be decrypted
   *     (whatever {@code passwords} throws passes through unchanged)
   */
  public static Iterable<KeyPair> load(
      @Nullable SessionContext session, Path keyFile, FilePasswordProvider passwords)
      throws IOException {
    try (InputStream in = Files.newInputStream(keyFile)) {
      Iterable<KeyPair> pairs =
          SecurityUtils.loadKeyPairIdentities(
              session, NamedResource.ofName(keyFile.toString()), in, passwords);
      if (pairs == null || !pairs.iterator().hasNext()) {
        throw new IOException("no private key found in " + keyFile);
      }
      return pairs;
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot read private key " + keyFile + ": " + e.getMessage(), e);
    }
  }
}
