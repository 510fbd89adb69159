package io.tunnelwatch.agent.http.security;

import io.tunnelwatch.ios.transport.PrivateKeyFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.List;
import org.apache.sshd.common.config.keys.FilePasswordProvider;

/** Reads PEM certificates and private keys as OpenSSL writes them. */
final class PemFiles {

  private PemFiles() {}

  /**
   * @throws GeneralSecurityException when the file holds no certificate
   */
  static List<Certificate> certificates(Path file) throws IOException, GeneralSecurityException {
    Collection<? extends Certificate> read;
    try (InputStream in = Files.newInputStream(file)) {
      read = CertificateFactory.getInstance("X.509").generateCertificates(in);
    }
    if (read.isEmpty()) {
      throw new GeneralSecurityException("no PEM certificate in " + file);
    }
    return List.copyOf(read);
  }

  /**
   * The private key of an unencrypted PEM file: PKCS#8 ({@code PRIVATE KEY}), PKCS#1 ({@code RSA
   * PRIVATE KEY}) or SEC1 ({@code EC PRIVATE KEY}). The SSH side's key reader (MINA's) knows all
   * three, where the JDK knows only the first.
   */
  static PrivateKey privateKey(Path file) throws IOException {
    return PrivateKeyFile.load(null, file, FilePasswordProvider.EMPTY)
        .iterator()
        .next()
        .getPrivate();
  }
}
