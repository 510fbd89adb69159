package io.tunnelwatch.ios.transport;

import io.tunnelwatch.core.Redaction;
import java.nio.file.Path;
import java.util.Objects;

/** How the agent proves its identity to a device. Secrets never appear in {@code toString()}. */
public sealed interface SshCredentials {

  /** Password authentication. */
  record Password(String password) implements SshCredentials {
    public Password {
      Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
      return "Password[password=" + Redaction.REDACTED + "]";
    }
  }

  /**
   * Public-key authentication with an OpenSSH or PEM private key file.
   *
   * @param passphrase the key's passphrase, empty string when it has none
   */
  record PrivateKey(Path keyFile, String passphrase) implements SshCredentials {
    public PrivateKey {
      Objects.requireNonNull(keyFile, "keyFile");
      Objects.requireNonNull(passphrase, "passphrase");
    }

    @Override
    public String toString() {
      return "PrivateKey[" + keyFile + "]";
    }
  }
}
