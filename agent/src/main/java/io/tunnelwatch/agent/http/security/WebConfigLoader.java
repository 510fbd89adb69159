package io.tunnelwatch.agent.http.security;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import io.tunnelwatch.agent.config.ConfigException;
import io.tunnelwatch.agent.config.ConfigException.Problem;
import io.tunnelwatch.core.PeerText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.jspecify.annotations.Nullable;

/**
 * Reads and checks a web configuration file ({@link WebConfig}) and turns it into what the HTTP
 * server applies. Every problem is reported at once, each with its key, as {@code check-config}
 * does for the main file; nothing of the file's secrets is echoed.
 */
public final class WebConfigLoader {

  static final long MAX_BYTES = 1024 * 1024;

  private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$\\d\\d\\$[./A-Za-z0-9]{53}");

  private static final Map<String, String> PROTOCOLS =
      Map.of("TLS10", "TLSv1", "TLS11", "TLSv1.1", "TLS12", "TLSv1.2", "TLS13", "TLSv1.3");
  private static final List<String> PROTOCOL_ORDER = List.of("TLS10", "TLS11", "TLS12", "TLS13");

  private static final List<String> CLIENT_AUTH_TYPES =
      List.of("NoClientCert", "VerifyClientCertIfGiven", "RequireAndVerifyClientCert");

  private final ObjectMapper mapper =
      new ObjectMapper(new YAMLFactory())
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .registerModule(new Jdk8Module());

  /**
   * @throws ConfigException listing every problem, each naming its key
   */
  public WebSecurity load(Path file) throws ConfigException {
    String source = file.toString();
    WebConfig config = read(file, source);
    List<Problem> problems = new ArrayList<>();
    Path dir = file.toAbsolutePath().getParent();
    Optional<WebSecurity.Tls> tls =
        config.tlsServerConfig().flatMap(t -> tls(t, dir == null ? Path.of(".") : dir, problems));
    config.basicAuthUsers().forEach((user, hash) -> checkUser(user, hash, problems));
    if (!problems.isEmpty()) {
      throw new ConfigException(source, problems);
    }
    return new WebSecurity(
        tls,
        config.basicAuthUsers().isEmpty()
            ? Optional.empty()
            : Optional.of(new BcryptAuthenticator(config.basicAuthUsers())));
  }

  private WebConfig read(Path file, String source) throws ConfigException {
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw problem(source, "(file)", "larger than " + MAX_BYTES + " bytes");
      }
      WebConfig config = mapper.readValue(Files.readString(file), WebConfig.class);
      if (config == null) {
        return new WebConfig(Optional.empty(), Map.of());
      }
      return config;
    } catch (JsonMappingException e) {
      throw problem(source, keyPath(e), PeerText.escape(e.getOriginalMessage(), 200));
    } catch (IOException e) {
      throw problem(
          source, "(file)", "cannot read: " + PeerText.escape(String.valueOf(e.getMessage())));
    }
  }

  private static ConfigException problem(String source, String path, String message) {
    return new ConfigException(source, List.of(new Problem(path, message)));
  }

  private static String keyPath(JsonMappingException e) {
    String path =
        e.getPath().stream()
            .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
            .collect(Collectors.joining("."));
    return path.isEmpty() ? "(file)" : path;
  }

  private static void checkUser(String user, @Nullable String hash, List<Problem> problems) {
    String key = "basic_auth_users." + user;
    if (user.isBlank() || user.contains(":")) {
      problems.add(new Problem(key, "expected a user name without ':'"));
    }
    // The hash is not echoed: it is what a password guesser would want.
    if (hash == null || !BCRYPT.matcher(hash).matches()) {
      problems.add(
          new Problem(key, "expected a bcrypt hash ($2y$..., as htpasswd -nBC 10 USER writes)"));
    }
  }

  private static Optional<WebSecurity.Tls> tls(
      WebConfig.TlsServerConfig config, Path dir, List<Problem> problems) {
    int before = problems.size();
    String clientAuth = config.clientAuthType().orElse("NoClientCert");
    if (!CLIENT_AUTH_TYPES.contains(clientAuth)) {
      problems.add(
          new Problem(
              "tls_server_config.client_auth_type",
              "expected one of " + CLIENT_AUTH_TYPES + ", got " + PeerText.quote(clientAuth)));
    }
    boolean verifies = !clientAuth.equals("NoClientCert");
    if (verifies && config.clientCaFile().isEmpty()) {
      problems.add(
          new Problem(
              "tls_server_config.client_ca_file",
              "expected the CA certificates that client certificates are checked against ("
                  + clientAuth
                  + ")"));
    }
    String minVersion = config.minVersion().orElse("TLS12");
    if (!PROTOCOLS.containsKey(minVersion)) {
      problems.add(
          new Problem(
              "tls_server_config.min_version",
              "expected one of " + PROTOCOL_ORDER + ", got " + PeerText.quote(minVersion)));
    }
    String certFile = config.certFile();
    String keyFile = config.keyFile();
    if (certFile == null || keyFile == null) {
      problems.add(
          new Problem("tls_server_config", "expected both cert_file and key_file (PEM files)"));
      return Optional.empty();
    }
    if (problems.size() > before) {
      return Optional.empty();
    }
    try {
      SSLContext context =
          context(
              dir.resolve(certFile), dir.resolve(keyFile), config.clientCaFile().map(dir::resolve));
      SSLParameters parameters = context.getDefaultSSLParameters();
      List<String> allowed =
          PROTOCOL_ORDER.subList(PROTOCOL_ORDER.indexOf(minVersion), PROTOCOL_ORDER.size()).stream()
              .map(PROTOCOLS::get)
              .toList();
      parameters.setProtocols(
          Arrays.stream(context.getSupportedSSLParameters().getProtocols())
              .filter(allowed::contains)
              .toArray(String[]::new));
      if (clientAuth.equals("RequireAndVerifyClientCert")) {
        parameters.setNeedClientAuth(true);
      } else if (clientAuth.equals("VerifyClientCertIfGiven")) {
        parameters.setWantClientAuth(true);
      }
      return Optional.of(new WebSecurity.Tls(context, parameters));
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      problems.add(
          new Problem(
              "tls_server_config",
              "cannot use the certificate, key or client CA: "
                  + PeerText.escape(String.valueOf(e.getMessage()), 300)));
      return Optional.empty();
    }
  }

  private static SSLContext context(Path certFile, Path keyFile, Optional<Path> clientCaFile)
      throws IOException, GeneralSecurityException {
    List<Certificate> chain = PemFiles.certificates(certFile);
    PrivateKey key = PemFiles.privateKey(keyFile);
    char[] none = new char[0];
    KeyStore keys = KeyStore.getInstance("PKCS12");
    keys.load(null, none);
    keys.setKeyEntry("server", key, none, chain.toArray(Certificate[]::new));
    KeyManagerFactory keyManagers =
        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keyManagers.init(keys, none);
    @Nullable TrustManagerFactory trustManagers = null;
    if (clientCaFile.isPresent()) {
      KeyStore cas = KeyStore.getInstance("PKCS12");
      cas.load(null, none);
      List<Certificate> certificates = PemFiles.certificates(clientCaFile.get());
      for (int i = 0; i < certificates.size(); i++) {
        cas.setCertificateEntry("ca-" + i, certificates.get(i));
      }
      trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trustManagers.init(cas);
    }
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(
        keyManagers.getKeyManagers(),
        trustManagers == null ? null : trustManagers.getTrustManagers(),
        null);
    return context;
  }
}
