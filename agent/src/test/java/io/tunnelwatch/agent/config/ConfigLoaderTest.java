package io.tunnelwatch.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {

  @TempDir Path dir;

  private final ConfigLoader loader = new ConfigLoader();

  @BeforeEach
  void knownHosts() throws IOException {
    Files.writeString(dir.resolve("known_hosts"), "");
    Files.writeString(dir.resolve("password.txt"), "s3cret-from-file\n");
  }

  private static String valid() {
    return """
        http:
          listen: 127.0.0.1:9999
        auths:
          lab:
            username: netops
            password_file: password.txt
        modules:
          ipsec:
            ssh:
              command_timeout: 20s
        devices:
          - name: R1
            host: 127.0.0.1
            module: ipsec
            interval: 1m30s
            ssh:
              port: 2201
              auth: lab
              known_hosts: known_hosts
          - name: R2
            host: 127.0.0.1
            module: ipsec
            ssh:
              port: 2202
              auth: lab
              known_hosts: known_hosts
        """;
  }

  /**
   * Loading {@code yaml} fails with, among others, a problem at {@code path} saying {@code
   * message}.
   */
  private void assertProblem(String yaml, String path, String message) {
    assertThatThrownBy(() -> loader.parse("test.yml", yaml, dir))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .anySatisfy(
                        p -> {
                          assertThat(p.path()).isEqualTo(path);
                          assertThat(p.message()).contains(message);
                        }));
  }

  @Test
  void decodesAValidConfigWithDefaultsAndAbsolutePaths() throws ConfigException {
    AgentConfig config = loader.parse("test.yml", valid(), dir);

    assertThat(config.http().listen()).isEqualTo("127.0.0.1:9999");
    assertThat(config.devices()).extracting(DeviceConfig::name).containsExactly("R1", "R2");
    assertThat(config.devices().get(0).interval()).isEqualTo(Duration.ofSeconds(90));
    assertThat(config.devices().get(1).interval()).isEqualTo(DeviceConfig.DEFAULT_INTERVAL);
    assertThat(config.modules().get("ipsec").ssh().commandTimeout())
        .isEqualTo(Duration.ofSeconds(20));
    assertThat(config.modules().get("ipsec").ssh().connectTimeout())
        .isEqualTo(ModuleConfig.SshModuleConfig.DEFAULT_CONNECT_TIMEOUT);
    assertThat(Path.of(config.devices().get(0).ssh().orElseThrow().knownHosts()))
        .isEqualTo(dir.resolve("known_hosts").toAbsolutePath().normalize());
    assertThat(Path.of(config.auths().get("lab").passwordFile().orElseThrow())).isAbsolute();
    assertThat(config.polling()).isEqualTo(PollingConfig.DEFAULTS);
  }

  @Test
  void decodesPollingSettings() throws ConfigException {
    String yaml =
        valid()
            + "polling:\n  workers: 64\n  confirmation_delay: 3s\n  max_concurrent_requests: 512\n"
            + "  max_polls_in_flight: 40\n";

    AgentConfig config = loader.parse("test.yml", yaml, dir);

    assertThat(config.polling()).isEqualTo(new PollingConfig(64, Duration.ofSeconds(3), 512, 40));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "no workers | 'workers: 0' | polling.workers | expected 1..1024, got 0",
        "too many workers | 'workers: 5000' | polling.workers | expected 1..1024, got 5000",
        "zero delay | 'confirmation_delay: 0s' | polling.confirmation_delay | 0ms is shorter than the minimum of 1s",
        "long delay | 'confirmation_delay: 1h' | polling.confirmation_delay | 1h is longer than the maximum of 5m",
        "unknown key | 'worker: 4' | polling.worker | unknown key 'worker'",
        "no request window | 'max_concurrent_requests: 0' | polling.max_concurrent_requests | expected 1..4096, got 0",
        "huge request window | 'max_concurrent_requests: 100000' | polling.max_concurrent_requests | expected 1..4096, got 100000",
        "no polls in flight | 'max_polls_in_flight: 0' | polling.max_polls_in_flight | expected 1..65536, got 0",
      })
  void namesThePollingKeyAndWhatWasExpected(String name, String key, String path, String message) {
    String yaml = valid() + "polling:\n  " + key + "\n";

    assertProblem(yaml, path, message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "unknown key in a device | 'host: 127.0.0.1' | 'adress: 127.0.0.1' | devices[0].adress | unknown key 'adress'",
        "misspelt nested key | 'port: 2201' | 'prot: 2201' | devices[0].ssh.prot | unknown key 'prot'",
        "port not a number | 'port: 2201' | 'port: twenty' | devices[0].ssh.port | expected a whole number",
        "bad duration | 'interval: 1m30s' | 'interval: soon' | devices[0].interval | expected a duration",
        "unknown auth | 'auth: lab\n      known_hosts: known_hosts\n  - name: R2' | 'auth: nope\n      known_hosts: known_hosts\n  - name: R2' | devices[0].ssh.auth | expected one of the SSH auths [lab]",
        "duplicate name | '- name: R2' | '- name: R1' | devices[1].name | duplicate device name 'R1'",
        "unknown module | 'module: ipsec\n    interval' | 'module: gre\n    interval' | devices[0].module | expected one of the modules [ipsec]",
        "port out of range | 'port: 2202' | 'port: 70000' | devices[1].ssh.port | expected a port 1..65535",
        "bad listen | 'listen: 127.0.0.1:9999' | 'listen: everywhere' | http.listen | expected host:port",
        "missing password file | 'password_file: password.txt' | 'password_file: nowhere.txt' | auths.lab.password_file | expected a readable file",
        "two secrets | 'password_file: password.txt' | 'password_file: password.txt\n    password_env: HOME' | auths.lab | expected exactly one of",
      })
  void namesTheKeyPathAndWhatWasExpected(
      String name, String from, String to, String path, String message) {
    String yaml = valid().replace(from.replace("\\n", "\n"), to.replace("\\n", "\n"));
    assertThat(yaml).as("the test's substitution must apply").isNotEqualTo(valid());

    assertProblem(yaml, path, message);
  }

  private static String withSnmp() {
    return """
        auths:
          lab:
            username: netops
            password_file: password.txt
          snmp-v2:
            snmp:
              version: 2c
              community_env: HOME
          snmp-v3:
            snmp:
              version: "3"
              username: monitor
              auth_protocol: SHA256
              auth_password_env: HOME
              priv_protocol: AES256_CISCO
              priv_password_env: HOME
        modules:
          ipsec:
            snmp:
              max_repetitions: 40
        devices:
          - name: R1
            host: 127.0.0.1
            module: ipsec
            ssh:
              port: 2201
              auth: lab
              known_hosts: known_hosts
            snmp:
              port: 1161
              auth: snmp-v3
          - name: R3
            host: 127.0.0.1
            module: ipsec
            snmp:
              auth: snmp-v2
          - name: R2
            host: 127.0.0.1
            module: ipsec
            ssh:
              port: 2202
              auth: lab
              known_hosts: known_hosts
        """;
  }

  @Test
  void decodesSnmpDevicesAndCredentials() throws ConfigException {
    AgentConfig config = loader.parse("test.yml", withSnmp(), dir);

    DeviceConfig r1 = config.devices().get(0);
    assertThat(r1.ssh()).isPresent();
    assertThat(r1.snmp().orElseThrow().port()).isEqualTo(1161);
    DeviceConfig r3 = config.devices().get(1);
    assertThat(r3.name()).isEqualTo("R3");
    assertThat(r3.ssh()).isEmpty();
    assertThat(r3.snmp().orElseThrow().port()).isEqualTo(161);
    SnmpAuthConfig v3 = config.auths().get("snmp-v3").snmp().orElseThrow();
    assertThat(v3.isV3()).isTrue();
    assertThat(v3.privProtocol()).contains("AES256_CISCO");
    assertThat(config.modules().get("ipsec").snmp().maxRepetitions()).isEqualTo(40);
    assertThat(config.modules().get("ipsec").snmp().retries()).isEqualTo(1);
    assertThat(config.auths().get("snmp-v3").toString()).doesNotContain("HOME=");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "ssh auth used for snmp | '    snmp:\\n      auth: snmp-v2' | '    snmp:\\n      auth: lab' | devices[1].snmp.auth | expected one of the auths with an snmp block [snmp-v2, snmp-v3]",
        "snmp auth used for ssh | 'port: 2202\n      auth: lab' | 'port: 2202\n      auth: snmp-v2' | devices[2].ssh.auth | expected one of the SSH auths [lab]",
        "unknown auth protocol | 'auth_protocol: SHA256' | 'auth_protocol: SHA3' | auths.snmp-v3.snmp.auth_protocol | expected one of [MD5, SHA, SHA224",
        "unknown version | 'version: 2c' | 'version: 1' | auths.snmp-v2.snmp.version | expected 2c or 3",
        "community missing | 'community_env: HOME' | 'username: x' | auths.snmp-v2.snmp | expected exactly one of community",
        "privacy without password | '      priv_password_env: HOME\n' | '' | auths.snmp-v3.snmp | expected exactly one of priv_password",
        "unset env | 'priv_password_env: HOME' | 'priv_password_env: TW_NOT_SET_ANYWHERE' | auths.snmp-v3.snmp.priv_password_env | is not set",
        "no source at all | '    snmp:\n      auth: snmp-v2\n' | '' | devices[1] | expected an ssh or an snmp section",
        "bad port | 'port: 1161' | 'port: 0' | devices[0].snmp.port | expected 1..65535",
        "empty host | 'port: 1161' | 'port: 1161\n      host: \"\"' | devices[0].snmp.host | or no host key at all",
      })
  void namesTheSnmpKeyPathAndWhatWasExpected(
      String name, String from, String to, String path, String message) {
    String yaml = withSnmp().replace(from.replace("\\n", "\n"), to.replace("\\n", "\n"));
    assertThat(yaml).as("the test's substitution must apply").isNotEqualTo(withSnmp());

    assertProblem(yaml, path, message);
  }

  @Test
  void reportsEveryProblemAtOnce() {
    String yaml =
        valid()
            .replace("port: 2201", "port: 0")
            .replace(
                "known_hosts: known_hosts\n  - name: R2",
                "known_hosts: missing_file\n  - name: R2");

    assertThatThrownBy(() -> loader.parse("test.yml", yaml, dir))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .extracting(ConfigException.Problem::path)
                    .containsExactly("devices[0].ssh.port", "devices[0].ssh.known_hosts"));
  }

  @Test
  void rejectsSyntaxErrorsWithTheLine() {
    assertThatThrownBy(() -> loader.parse("test.yml", "devices: [\n  - name: R1\n", dir))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("not valid YAML")
        .hasMessageContaining("line");
  }

  @Test
  void rejectsAnEmptyFile() {
    assertThatThrownBy(() -> loader.parse("test.yml", "", dir))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("empty");
  }

  @Test
  void neverPrintsAnInlinePassword() throws ConfigException {
    String yaml = valid().replace("password_file: password.txt", "password: hunter2-inline");
    AgentConfig config = loader.parse("test.yml", yaml, dir);

    assertThat(config.toString()).doesNotContain("hunter2-inline");
    assertThat(config.auths().get("lab").password().orElseThrow().reveal())
        .isEqualTo("hunter2-inline");
  }

  @Test
  void aMissingFileIsAProblemNotACrash() {
    assertThatThrownBy(() -> loader.load(dir.resolve("absent.yml")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("no such file");
  }
}
