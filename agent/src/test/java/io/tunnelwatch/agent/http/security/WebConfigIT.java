package io.tunnelwatch.agent.http.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.tunnelwatch.agent.config.ConfigException;
import io.tunnelwatch.agent.diagnose.DiagnoseService;
import io.tunnelwatch.agent.events.DeviceStateStore;
import io.tunnelwatch.agent.events.EventFanout;
import io.tunnelwatch.agent.events.EventTracker;
import io.tunnelwatch.agent.http.AgentHttpServer;
import io.tunnelwatch.agent.http.ConfigReload;
import io.tunnelwatch.agent.http.status.StatusPageSources;
import io.tunnelwatch.agent.poll.DeviceStates;
import io.tunnelwatch.testing.process.ProcessRunner;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --web.config.file} on the real JDK HTTPS server: certificates made by OpenSSL, the
 * password hash by htpasswd, as an operator makes them.
 */
class WebConfigIT {

  private static final String USER = "prometheus";
  private static final String PASSWORD = "scrape-pass-5e1d";

  @TempDir static Path pki;
  private static String hash;

  @TempDir Path dir;
  private AgentHttpServer server;

  @BeforeAll
  static void makeCertificatesAndHash() throws IOException {
    Files.writeString(pki.resolve("san.ext"), "subjectAltName=IP:127.0.0.1\n");
    openssl(
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        "ca.key",
        "-out",
        "ca.crt",
        "-days",
        "1",
        "-subj",
        "/CN=tunnelwatch test CA");
    // The server key in the traditional PKCS#1 form ("RSA PRIVATE KEY"), which the JDK alone
    // cannot read.
    openssl("genrsa", "-traditional", "-out", "server.key", "2048");
    signed("server", "/CN=127.0.0.1");
    openssl(
        "req",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-nodes",
        "-keyout",
        "client.key",
        "-out",
        "client.csr",
        "-subj",
        "/CN=prometheus");
    openssl(
        "x509",
        "-req",
        "-in",
        "client.csr",
        "-CA",
        "ca.crt",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-out",
        "client.crt",
        "-days",
        "1");
    openssl(
        "pkcs12",
        "-export",
        "-in",
        "client.crt",
        "-inkey",
        "client.key",
        "-out",
        "client.p12",
        "-passout",
        "pass:changeit");
    String line =
        ProcessRunner.run("htpasswd", "-nbBC", "10", USER, PASSWORD)
            .requireSuccess()
            .stdout()
            .strip();
    hash = line.substring(line.indexOf(':') + 1);
  }

  private static void signed(String name, String subject) {
    openssl("req", "-new", "-key", name + ".key", "-out", name + ".csr", "-subj", subject);
    openssl(
        "x509",
        "-req",
        "-in",
        name + ".csr",
        "-CA",
        "ca.crt",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-out",
        name + ".crt",
        "-days",
        "1",
        "-extfile",
        "san.ext");
  }

  private static void openssl(String... args) {
    String[] command = new String[args.length + 1];
    command[0] = "openssl";
    System.arraycopy(args, 0, command, 1, args.length);
    ProcessRunner.runIn(pki, command).requireSuccess();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private WebSecurity load(String yaml) throws IOException, ConfigException {
    Path file = dir.resolve("web.yml");
    Files.writeString(file, yaml.replace("PKI", pki.toString()));
    return new WebConfigLoader().load(file);
  }

  private URI start(WebSecurity security) throws IOException {
    Clock clock = Clock.systemUTC();
    PrometheusRegistry registry = new PrometheusRegistry();
    Counter.builder()
        .name("web_config_scrapes_total")
        .help("what a scrape reads")
        .register(registry);
    EventTracker events =
        new EventTracker(Map.of(), new EventFanout(List.of()), clock, DeviceStateStore.none());
    server =
        new AgentHttpServer(
            new InetSocketAddress("127.0.0.1", 0),
            registry,
            new DeviceStates(),
            events,
            clock,
            ConfigReload.UNAVAILABLE,
            DiagnoseService.UNAVAILABLE,
            security,
            StatusPageSources.defaults(events));
    return URI.create("https://127.0.0.1:" + server.address().getPort());
  }

  private static SSLContext client(boolean withCertificate) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    try (InputStream in = Files.newInputStream(pki.resolve("ca.crt"))) {
      Certificate ca = CertificateFactory.getInstance("X.509").generateCertificate(in);
      trust.setCertificateEntry("ca", ca);
    }
    TrustManagerFactory trusts =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trusts.init(trust);
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    KeyStore own = KeyStore.getInstance("PKCS12");
    if (withCertificate) {
      try (InputStream in = Files.newInputStream(pki.resolve("client.p12"))) {
        own.load(in, "changeit".toCharArray());
      }
    } else {
      own.load(null, null);
    }
    keys.init(own, "changeit".toCharArray());
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), trusts.getTrustManagers(), null);
    return context;
  }

  private static HttpResponse<String> get(
      SSLContext tls, String[] protocols, URI uri, String... credentials) throws Exception {
    HttpClient client =
        HttpClient.newBuilder()
            .sslContext(tls)
            .sslParameters(new SSLParameters(null, protocols))
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5));
    if (credentials.length == 2) {
      String token = credentials[0] + ":" + credentials[1];
      request.header(
          "Authorization",
          "Basic " + Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8)));
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The server's certificate and key; a test adds its own keys of the section after it. */
  private static final String SERVER_TLS =
      """
      tls_server_config:
        cert_file: PKI/server.crt
        key_file: PKI/server.key
      """;

  private static final String[] TLS12_AND_13 = {"TLSv1.3", "TLSv1.2"};

  @Test
  void tlsWithBasicAuthLetsInTheRightPasswordOnlyAndLeavesTheHealthCheckOpen() throws Exception {
    URI base =
        start(
            load(
                SERVER_TLS
                    + """
                basic_auth_users:
                  %s: %s
                """
                        .formatted(USER, hash)));
    SSLContext tls = client(false);

    assertThat(get(tls, TLS12_AND_13, base.resolve("/metrics")).statusCode()).isEqualTo(401);
    assertThat(get(tls, TLS12_AND_13, base.resolve("/metrics"), USER, "wrong").statusCode())
        .isEqualTo(401);
    assertThat(get(tls, TLS12_AND_13, base.resolve("/metrics"), "nobody", PASSWORD).statusCode())
        .isEqualTo(401);
    HttpResponse<String> scraped = get(tls, TLS12_AND_13, base.resolve("/metrics"), USER, PASSWORD);
    assertThat(scraped.statusCode()).isEqualTo(200);
    assertThat(scraped.body()).contains("web_config_scrapes_total 0.0");
    assertThat(get(tls, TLS12_AND_13, base.resolve("/"), USER, PASSWORD).statusCode())
        .isEqualTo(200);
    assertThat(get(tls, TLS12_AND_13, base.resolve("/-/ready")).statusCode()).isEqualTo(401);
    assertThat(get(tls, TLS12_AND_13, base.resolve("/-/healthy")).statusCode()).isEqualTo(200);
    // Plain HTTP gets no answer from a TLS port.
    URI plain = URI.create("http://127.0.0.1:" + base.getPort() + "/-/healthy");
    assertThatThrownBy(
            () ->
                HttpClient.newHttpClient()
                    .send(
                        HttpRequest.newBuilder(plain).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(IOException.class);
  }

  @Test
  void aMinimumOfTls13RefusesATls12Client() throws Exception {
    URI base =
        start(
            load(
                SERVER_TLS
                    + """
                  min_version: TLS13
                """));

    assertThat(
            get(client(false), new String[] {"TLSv1.3"}, base.resolve("/-/healthy")).statusCode())
        .isEqualTo(200);
    assertThatThrownBy(
            () -> get(client(false), new String[] {"TLSv1.2"}, base.resolve("/-/healthy")))
        .isInstanceOf(IOException.class);
  }

  @Test
  void aRequiredClientCertificateKeepsOutClientsWithoutOne() throws Exception {
    URI base =
        start(
            load(
                SERVER_TLS
                    + """
                  client_auth_type: RequireAndVerifyClientCert
                  client_ca_file: PKI/ca.crt
                """));

    assertThat(get(client(true), TLS12_AND_13, base.resolve("/metrics")).statusCode())
        .isEqualTo(200);
    assertThatThrownBy(() -> get(client(false), TLS12_AND_13, base.resolve("/metrics")))
        .isInstanceOf(IOException.class);
  }

  @Test
  void everyProblemOfTheFileIsNamedAtOnceWithoutEchoingTheHash() {
    String wrongHash = "$1$not-bcrypt$secretish";
    assertThatThrownBy(
            () ->
                load(
                    SERVER_TLS
                        + """
                      client_auth_type: RequireAndVerifyClientCert
                      min_version: TLS99
                    basic_auth_users:
                      alice: %s
                    """
                            .formatted(wrongHash)))
        .isInstanceOf(ConfigException.class)
        .satisfies(
            e -> {
              List<String> paths =
                  ((ConfigException) e).problems().stream().map(p -> p.path()).toList();
              assertThat(paths)
                  .containsExactlyInAnyOrder(
                      "tls_server_config.client_ca_file",
                      "tls_server_config.min_version",
                      "basic_auth_users.alice");
              assertThat(e.getMessage()).doesNotContain(wrongHash);
            });
    assertThatThrownBy(() -> load("tls_server_config:\n  cert_fil: x\n"))
        .isInstanceOf(ConfigException.class)
        .satisfies(
            e ->
                assertThat(((ConfigException) e).problems().get(0).path())
                    .isEqualTo("tls_server_config.cert_fil"));
    assertThatThrownBy(
            () ->
                load(
                    "tls_server_config:\n  cert_file: PKI/missing.crt\n  key_file: PKI/server.key\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("tls_server_config")
        .hasMessageContaining("missing.crt");
  }
}
