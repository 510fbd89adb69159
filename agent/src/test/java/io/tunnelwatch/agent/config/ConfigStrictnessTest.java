package io.tunnelwatch.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyEncryptionContext;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The configuration is checked as strictly as the agent uses it (issue 17 item 6, issue 13): what
 * passes here does not fail at run time, and what fails names its key.
 */
class ConfigStrictnessTest {

  private static final String VALID =
      """
      auths:
        lab:
          username: netops
          password_file: password.txt
      modules:
        ipsec: {}
      devices:
        - name: R1
          host: 192.0.2.1
          module: ipsec
          interval: 30s
          ssh:
            port: 22
            auth: lab
            known_hosts: known_hosts
      """;

  @TempDir Path dir;

  private final Map<String, String> environment = new HashMap<>();
  private final ConfigLoader loader = new ConfigLoader(environment::get);

  @BeforeEach
  void files() throws IOException {
    Files.writeString(dir.resolve("known_hosts"), "");
    Files.writeString(dir.resolve("password.txt"), "s3cret\n");
  }

  /** {@link #VALID} with {@code from} replaced by {@code to}, the replacement made for sure. */
  private static String validWith(String from, String to) {
    assertThat(VALID).as("the test's substitution must apply").contains(from);
    return VALID.replace(from, to);
  }

  private Path write(String yaml) throws IOException {
    Path file = dir.resolve("tunnelwatch.yml");
    Files.writeString(file, yaml);
    return file;
  }

  private List<ConfigException.Problem> problems(String yaml) throws IOException {
    Path file = write(yaml);
    return catchThrowableOfType(ConfigException.class, () -> loader.check(file)).problems();
  }

  /** Loading fails with exactly one problem, at {@code path}, saying {@code message}. */
  private void assertOnlyProblem(String yaml, String path, String message) throws IOException {
    assertThat(problems(yaml))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.path()).isEqualTo(path);
              assertThat(p.message()).contains(message);
            });
  }

  @Test
  void theValidConfigurationPassesWithoutWarnings() throws Exception {
    LoadedConfig loaded = loader.check(write(VALID));

    assertThat(loaded.warnings()).isEmpty();
    assertThat(loaded.config().devices()).hasSize(1);
  }

  @Test
  void knownHostsPointingAtADirectoryIsRefused() throws IOException {
    Files.createDirectory(dir.resolve("hosts.d"));

    assertOnlyProblem(
        validWith("known_hosts: known_hosts", "known_hosts: hosts.d"),
        "devices[0].ssh.known_hosts",
        "is a directory");
  }

  @Test
  void aMissingKnownHostsFileIsAcceptedWithTrustOnFirstUseInAWritableDirectory() throws Exception {
    String yaml =
        validWith(
            "known_hosts: known_hosts",
            "known_hosts: new_known_hosts\n      trust_on_first_use: true");

    assertThat(loader.check(write(yaml)).config().devices()).hasSize(1);
  }

  @Test
  void aPathThatCannotBeOneIsAProblemNotACrash() throws IOException {
    assertOnlyProblem(
        validWith("known_hosts: known_hosts", "known_hosts: \"known\\0hosts\""),
        "devices[0].ssh.known_hosts",
        "expected a file path");
  }

  @ParameterizedTest
  @ValueSource(strings = {"-oProxyCommand=x", "router 1", "r1..example.net", "300.1.1.1", "a_b"})
  void aHostThatIsNeitherANameNorAnAddressIsRefused(String host) throws IOException {
    assertOnlyProblem(
        validWith("host: 192.0.2.1", "host: '" + host + "'"),
        "devices[0].host",
        "expected a host name");
  }

  @ParameterizedTest
  @ValueSource(strings = {"r1", "r1.example.net", "10.0.0.1", "2001:db8::1", "router-1.lab."})
  void hostNamesAndAddressesAreAccepted(String host) throws Exception {
    assertThat(loader.check(write(validWith("host: 192.0.2.1", "host: '" + host + "'"))))
        .isNotNull();
  }

  @Test
  void aPrivateKeyFileThatIsNotAKeyIsRefused() throws IOException {
    Files.writeString(dir.resolve("id_ecdsa"), "not a key\n");

    assertOnlyProblem(
        validWith("password_file: password.txt", "private_key_file: id_ecdsa"),
        "auths.lab.private_key_file",
        "expected an OpenSSH or PEM private key");
  }

  @Test
  void anUnencryptedPrivateKeyIsAccepted() throws Exception {
    writeKey(dir.resolve("id_ecdsa"), null);

    assertThat(
            loader
                .check(
                    write(validWith("password_file: password.txt", "private_key_file: id_ecdsa")))
                .warnings())
        .isEmpty();
  }

  @Test
  void anEncryptedPrivateKeyWithoutAPassphraseIsRefusedLoudly() throws Exception {
    writeKey(dir.resolve("id_ecdsa"), "key-passphrase");

    assertOnlyProblem(
        validWith("password_file: password.txt", "private_key_file: id_ecdsa"),
        "auths.lab.private_key_file",
        "is encrypted; name the variable holding its passphrase in passphrase_env");
  }

  @Test
  void anEncryptedPrivateKeyOpensWithThePassphraseFromItsVariable() throws Exception {
    writeKey(dir.resolve("id_ecdsa"), "key-passphrase");
    String yaml =
        validWith(
            "password_file: password.txt",
            "private_key_file: id_ecdsa\n    passphrase_env: TW_KEY_PASSPHRASE");

    environment.put("TW_KEY_PASSPHRASE", "key-passphrase");
    assertThat(loader.check(write(yaml)).config().auths()).containsKey("lab");

    environment.put("TW_KEY_PASSPHRASE", "wrong-passphrase");
    assertOnlyProblem(
        yaml, "auths.lab.private_key_file", "is not one or does not open with the passphrase");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/proc/tunnelwatch", "/sys/kernel/tunnelwatch", "/proc/self/cwd"})
  void aStateDirUnderProcOrSysIsRefusedNamingTheKey(String stateDir) throws IOException {
    assertOnlyProblem(
        VALID + "history:\n  state_dir: " + stateDir + "\n",
        "history.state_dir",
        "is under /proc or /sys");
  }

  @Test
  void aDurationLongerThanItsKeyAllowsNamesTheKeyAndTheMaximum() throws IOException {
    assertOnlyProblem(
        validWith("interval: 30s", "interval: 99999999999999d"),
        "devices[0].interval",
        "99999999999999d is longer than the maximum of 1d");
  }

  @Test
  void aDurationBeyondWhatCanBeCountedIsRefusedRatherThanOverflowing() throws IOException {
    assertOnlyProblem(
        validWith("interval: 30s", "interval: 99999999999999999999d"),
        "devices[0].interval",
        "duration 99999999999999999999d is too long");
  }

  @Test
  void weeksYearsAndCombinationsAreDurationsAsInPrometheus() throws Exception {
    String yaml =
        VALID + "events:\n  traffic_window: 1w\n  storm_window: 1h30m\n  cpu_window: 1d12h\n";

    EventsConfig events = loader.check(write(yaml)).config().events();

    assertThat(events.trafficWindow()).contains(Duration.ofDays(7));
    assertThat(events.stormWindow()).contains(Duration.ofMinutes(90));
    assertOnlyProblem(
        VALID + "events:\n  storm_window: 1y\n",
        "events.storm_window",
        "365d is longer than the maximum of 7d");
  }

  @Test
  void anEmptyPasswordVariableIsRefused() throws IOException {
    environment.put("TW_PASSWORD", "");

    assertOnlyProblem(
        validWith("password_file: password.txt", "password_env: TW_PASSWORD"),
        "auths.lab.password_env",
        "environment variable TW_PASSWORD is set but empty");
  }

  @Test
  void anEmptyPasswordFileIsRefused() throws IOException {
    Files.writeString(dir.resolve("password.txt"), "\n");

    assertOnlyProblem(VALID, "auths.lab.password_file", "is empty");
  }

  @Test
  void aPasswordFileThatIsADirectoryIsRefused() throws IOException {
    Files.createDirectory(dir.resolve("secrets"));

    assertOnlyProblem(
        validWith("password_file: password.txt", "password_file: secrets"),
        "auths.lab.password_file",
        "is a directory");
  }

  @Test
  void aHugePortNumberNamesTheKey() throws IOException {
    assertOnlyProblem(
        validWith("port: 22", "port: 99999999999999"),
        "devices[0].ssh.port",
        "expected a whole number, got 99999999999999, which is out of range");
    assertOnlyProblem(
        validWith("port: 22", "port: 65536"), "devices[0].ssh.port", "expected a port 1..65535");
  }

  @Test
  void aListWhereADurationBelongsSaysWhatWasFound() throws IOException {
    assertOnlyProblem(
        validWith("interval: 30s", "interval: [1, 2]"),
        "devices[0].interval",
        "expected a duration like 30s, got a list");
  }

  @Test
  void aMappingWhereAValueBelongsSaysWhatWasFound() throws IOException {
    assertOnlyProblem(
        validWith("auth: lab", "auth: {name: lab}"),
        "devices[0].ssh.auth",
        "expected a single value, got a mapping");
  }

  @Test
  void duplicateKeysAreRefusedNotResolvedByTheLastOne() throws IOException {
    assertOnlyProblem(
        validWith("interval: 30s", "interval: 30s\n    interval: 1m"),
        "devices[0].interval",
        "duplicate key");
  }

  @Test
  void aTwentyMegabyteValueIsRefusedWithinSecondsWithoutEchoingIt() throws IOException {
    Path file = write(VALID + "http:\n  listen: " + "a".repeat(20_000_000) + "\n");

    long start = System.nanoTime();
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> loader.check(file));
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(took).isLessThan(Duration.ofSeconds(3));
    assertThat(e.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.path()).isEqualTo("(file)"));
    assertThat(e.getMessage()).hasSizeLessThan(200).doesNotContain("aaaa");
  }

  @Test
  void aLineOfMegabytesIsRefusedWithinSecondsWithoutEchoingIt() throws IOException {
    Path file = write(VALID + "http:\n  listen: " + "a".repeat(5_000_000) + "\n");

    long start = System.nanoTime();
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> loader.check(file));
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(took).isLessThan(Duration.ofSeconds(3));
    assertThat(e.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("more than the maximum of 16384"));
    assertThat(e.getMessage()).doesNotContain("aaaa");
  }

  @Test
  void aValueOverFourKilobytesIsRefusedWithoutEchoingIt() throws IOException {
    String block = "    " + "b".repeat(80) + "\n";
    List<ConfigException.Problem> problems =
        problems(VALID + "http:\n  listen: |\n" + block.repeat(60));

    assertThat(problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.path()).isEqualTo("http.listen");
              assertThat(p.message()).contains("more than the maximum of 4096");
              assertThat(p.message()).doesNotContain("bbbb");
            });
  }

  @Test
  void aSecretWhereAVariableNameBelongsIsNeverEchoed() throws IOException {
    assertThat(problems(validWith("password_file: password.txt", "password_env: 'hunter2 Pass!'")))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.path()).isEqualTo("auths.lab.password_env");
              assertThat(p.message()).contains("not shown").doesNotContain("hunter2");
            });
    assertOnlyProblem(
        validWith("password_file: password.txt", "password_env: xK9pQ2mZ7vL4wR8tB3"),
        "auths.lab.password_env",
        "environment variable named in auths.lab.password_env is not set");
    assertThat(
            problems(validWith("password_file: password.txt", "password_env: xK9pQ2mZ7vL4wR8tB3")))
        .allSatisfy(p -> assertThat(p.message()).doesNotContain("xK9pQ2mZ7vL4wR8tB3"));
  }

  @Test
  void aVariableNamedAsVariablesAreIsNamedWhenUnset() throws IOException {
    assertOnlyProblem(
        validWith("password_file: password.txt", "password_env: TUNNELWATCH_PASSWORD"),
        "auths.lab.password_env",
        "environment variable TUNNELWATCH_PASSWORD is not set");
  }

  @Test
  void anInlinePasswordIsAcceptedWithAWarning() throws Exception {
    LoadedConfig loaded =
        loader.check(write(validWith("password_file: password.txt", "password: inline-pw-77")));

    assertThat(loaded.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.path()).isEqualTo("auths.lab.password");
              assertThat(w.message()).contains("prefer password_env or password_file");
              assertThat(w.toString()).doesNotContain("inline-pw-77");
            });
  }

  @Test
  void threePlantedErrorsAreAllReportedInOneRun() throws IOException {
    String yaml =
        VALID
            .replace("interval: 30s", "interval: [1, 2]")
            .replace("port: 22", "port: 99999999999")
            .replace("known_hosts: known_hosts", "known_hosts: nowhere");

    assertThat(problems(yaml))
        .extracting(ConfigException.Problem::path)
        .containsExactlyInAnyOrder(
            "devices[0].interval", "devices[0].ssh.port", "devices[0].ssh.known_hosts");
  }

  @Test
  void aValueRefusedForItsShapeIsNotReportedAgainByValidation() throws IOException {
    // auth as a list is left out; validation would otherwise add "expected one of the SSH auths"
    assertOnlyProblem(validWith("auth: lab", "auth: [lab]"), "devices[0].ssh.auth", "got a list");
  }

  private static void writeKey(Path file, String passphrase)
      throws IOException, GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(256);
    KeyPair pair = generator.generateKeyPair();
    OpenSSHKeyEncryptionContext encryption = null;
    if (passphrase != null) {
      encryption = new OpenSSHKeyEncryptionContext();
      encryption.setPassword(passphrase);
      encryption.setCipherName("AES");
      encryption.setCipherMode("CTR");
      encryption.setCipherType("256");
      encryption.setKdfRounds(2);
    }
    try (OutputStream out = Files.newOutputStream(file)) {
      OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, "test", encryption, out);
    }
  }

  @Test
  void theTwentyMegabyteCheckDoesNotDependOnTheFileSystem() {
    String huge = "x: " + "a".repeat(YamlTreeReader.MAX_FILE_CHARS) + "\n";

    assertThatThrownBy(() -> loader.parse("t.yml", huge, dir))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .extracting(ConfigException.Problem::path)
                    .containsExactly("(file)"));
  }
}
