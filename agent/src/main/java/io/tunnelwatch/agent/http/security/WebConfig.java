package io.tunnelwatch.agent.http.security;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The file {@code --web.config.file} names, in the format of the Prometheus exporter-toolkit: TLS
 * for the HTTP endpoint and users allowed in with basic authentication (bcrypt hashes).
 *
 * @param tlsServerConfig serve HTTPS with this certificate; absent: plain HTTP
 * @param basicAuthUsers user name to bcrypt hash; empty: no authentication
 */
public record WebConfig(
    Optional<TlsServerConfig> tlsServerConfig, Map<String, String> basicAuthUsers) {

  public WebConfig {
    tlsServerConfig = Objects.requireNonNullElse(tlsServerConfig, Optional.empty());
    basicAuthUsers = Map.copyOf(Objects.requireNonNullElse(basicAuthUsers, Map.of()));
  }

  /**
   * @param certFile PEM certificate chain, the server's first (absent in a wrong file only)
   * @param keyFile PEM private key (PKCS#8, or PKCS#1/SEC1 "RSA/EC PRIVATE KEY")
   * @param clientAuthType the toolkit's names: NoClientCert (default), RequestClientCert,
   *     RequireAnyClientCert, VerifyClientCertIfGiven, RequireAndVerifyClientCert
   * @param clientCaFile PEM certificates that client certificates must chain to
   * @param minVersion TLS10, TLS11, TLS12 (default) or TLS13
   */
  public record TlsServerConfig(
      @Nullable String certFile,
      @Nullable String keyFile,
      Optional<String> clientAuthType,
      Optional<String> clientCaFile,
      Optional<String> minVersion) {

    public TlsServerConfig {
      clientAuthType = Objects.requireNonNullElse(clientAuthType, Optional.empty());
      clientCaFile = Objects.requireNonNullElse(clientCaFile, Optional.empty());
      minVersion = Objects.requireNonNullElse(minVersion, Optional.empty());
    }
  }
}
