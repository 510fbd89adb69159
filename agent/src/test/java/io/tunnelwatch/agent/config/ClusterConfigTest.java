package io.tunnelwatch.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The cluster section of the configuration, and the shared history it requires. */
class ClusterConfigTest {

  private static final String POSTGRES =
      "history:\n  jdbc_url: jdbc:postgresql://db.example.net/tunnelwatch\n";

  @TempDir Path dir;
  private final ConfigLoader loader = new ConfigLoader();

  @BeforeEach
  void knownHosts() throws IOException {
    Files.writeString(dir.resolve("known_hosts"), "");
  }

  private void assertProblem(String yaml, String path, String message) {
    assertThatThrownBy(() -> loader.parse("t.yml", yaml, dir))
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
  void decodesTheWholeSection() throws ConfigException {
    String yaml =
        OneDeviceYaml.withSections(
            POSTGRES
                + """
                cluster:
                  name: vpn-watch.eu_1
                  listen: 10.0.0.5:5801
                  members: [10.0.0.5:5801, '[fd00::6]:5801', agent-3.example.net:5801]
                  failure_detection: 30s
                """);

    AgentConfig config = loader.parse("t.yml", yaml, dir);

    assertThat(config.cluster())
        .isEqualTo(
            new ClusterConfig(
                "vpn-watch.eu_1",
                "10.0.0.5:5801",
                List.of("10.0.0.5:5801", "[fd00::6]:5801", "agent-3.example.net:5801"),
                Duration.ofSeconds(30),
                Optional.empty()));
    assertThat(config.cluster().enabled()).isTrue();
  }

  @Test
  void membersAloneTakeTheDefaultsForTheRest() throws ConfigException {
    String yaml = OneDeviceYaml.withSections(POSTGRES + "cluster:\n  members: [10.0.0.5:5701]\n");

    ClusterConfig cluster = loader.parse("t.yml", yaml, dir).cluster();

    assertThat(cluster)
        .isEqualTo(ClusterConfig.ofMembers("0.0.0.0:5701", List.of("10.0.0.5:5701")));
    assertThat(cluster.name()).isEqualTo("tunnelwatch");
    assertThat(cluster.failureDetection()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void aKubernetesServiceStandsInForTheMembers() throws ConfigException {
    String yaml =
        OneDeviceYaml.withSections(
            POSTGRES
                + "cluster:\n  kubernetes_service_dns: tunnelwatch-hs.monitoring.svc.cluster.local\n");

    ClusterConfig cluster = loader.parse("t.yml", yaml, dir).cluster();

    assertThat(cluster.kubernetesServiceDns())
        .contains("tunnelwatch-hs.monitoring.svc.cluster.local");
    assertThat(cluster.members()).isEmpty();
    assertThat(cluster.enabled()).isTrue();
  }

  @Test
  void withoutTheSectionTheAgentRunsAloneAndMayKeepItsHistoryInSqlite() throws ConfigException {
    AgentConfig config =
        loader.parse("t.yml", OneDeviceYaml.withSections("history:\n  state_dir: state\n"), dir);

    assertThat(config.cluster()).isEqualTo(ClusterConfig.NONE);
    assertThat(config.cluster().enabled()).isFalse();
  }

  @Test
  void anEmptyKeyIsTheSameAsNoSection() throws ConfigException {
    AgentConfig config = loader.parse("t.yml", OneDeviceYaml.withSections("cluster:\n"), dir);

    assertThat(config.cluster().enabled()).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "empty mapping | '{}' | cluster | expected members (each member's host:port",
        "no members | '\\n  name: prod' | cluster | or kubernetes_service_dns (a headless service's DNS name)",
        "empty members | '\\n  members: []' | cluster | expected members",
        "both | '\\n  members: [10.0.0.5:5701]\\n  kubernetes_service_dns: tw.svc' | cluster | expected members or kubernetes_service_dns, not both",
        "unknown key | '\\n  member: [10.0.0.5:5701]' | cluster.member | unknown key 'member'",
        "member without port | '\\n  members: [10.0.0.5:5701, 10.0.0.6]' | cluster.members[1] | expected host:port such as 10.0.0.5:5701, got '10.0.0.6'",
        "member port 0 | '\\n  members: [10.0.0.5:0]' | cluster.members[0] | expected a port 1..65535 in host:port, got '10.0.0.5:0'",
        "member port too big | '\\n  members: [10.0.0.5:65536]' | cluster.members[0] | expected a port 1..65535",
        "member bad host | '\\n  members: [-oProxy:5701]' | cluster.members[0] | expected host:port with a host name or an IP address",
        "member no host | '\\n  members: [\":5701\"]' | cluster.members[0] | with a host name or an IP address",
        "duplicate member | '\\n  members: [10.0.0.5:5701, 10.0.0.5:5701]' | cluster.members[1] | duplicate member '10.0.0.5:5701'",
        "bad listen | '\\n  members: [10.0.0.5:5701]\\n  listen: everywhere' | cluster.listen | expected host:port such as 0.0.0.0:5701, got 'everywhere'",
        "listen port 0 | '\\n  members: [10.0.0.5:5701]\\n  listen: 0.0.0.0:0' | cluster.listen | expected a port 1..65535",
        "empty name | '\\n  members: [10.0.0.5:5701]\\n  name: \"\"' | cluster.name | expected a name of letters, digits, '.', '_' or '-' (up to 64)",
        "name with space | '\\n  members: [10.0.0.5:5701]\\n  name: vpn watch' | cluster.name | got 'vpn watch'",
        "long name | '\\n  members: [10.0.0.5:5701]\\n  name: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' | cluster.name | (up to 64)",
        "short failure detection | '\\n  members: [10.0.0.5:5701]\\n  failure_detection: 1s' | cluster.failure_detection | 1s is shorter than the minimum of 2s",
        "long failure detection | '\\n  members: [10.0.0.5:5701]\\n  failure_detection: 11m' | cluster.failure_detection | 11m is longer than the maximum of 10m",
        "bad failure detection | '\\n  members: [10.0.0.5:5701]\\n  failure_detection: soon' | cluster.failure_detection | soon",
        "bad service name | '\\n  kubernetes_service_dns: tw hs.svc' | cluster.kubernetes_service_dns | expected a host name",
        "members not a list | '\\n  members: 10.0.0.5:5701' | cluster.members | expected a list",
      })
  void namesTheClusterKeyAndWhatWasExpected(
      String name, String section, String path, String message) {
    String yaml =
        OneDeviceYaml.withSections(POSTGRES + "cluster: " + section.replace("\\n", "\n") + "\n");

    assertProblem(yaml, path, message);
  }

  @Test
  void theSixtyFourCharacterNameIsTheLongestAccepted() throws ConfigException {
    String longest = "a".repeat(64);
    String yaml =
        OneDeviceYaml.withSections(
            POSTGRES + "cluster:\n  name: " + longest + "\n  members: [10.0.0.5:5701]\n");

    assertThat(loader.parse("t.yml", yaml, dir).cluster().name()).isEqualTo(longest);
  }

  @ParameterizedTest
  @CsvSource({"2s, 2", "10m, 600"})
  void theBoundsOfFailureDetectionAreAccepted(String bound, long seconds) throws ConfigException {
    String yaml =
        OneDeviceYaml.withSections(
            POSTGRES
                + "cluster:\n  members: [10.0.0.5:5701]\n  failure_detection: "
                + bound
                + "\n");

    assertThat(loader.parse("t.yml", yaml, dir).cluster().failureDetection())
        .isEqualTo(Duration.ofSeconds(seconds));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "state_dir | 'history:\\n  state_dir: state\\n' | history.state_dir | not history.state_dir: SQLite keeps one file on each machine",
        "SQLite URL | 'history:\\n  jdbc_url: jdbc:sqlite:/var/lib/tw/tw.db\\n' | history.jdbc_url | not a jdbc:sqlite: URL: SQLite keeps one file on each machine",
        "no history | '' | history | got none",
      })
  void aClusterRefusesAHistoryItsMembersCannotShare(
      String name, String history, String path, String message) {
    String yaml =
        OneDeviceYaml.withSections(
            history.replace("\\n", "\n") + "cluster:\n  members: [10.0.0.5:5701]\n");

    assertProblem(
        yaml,
        path,
        "a cluster's members must share one history (history.jdbc_url: jdbc:postgresql:...)");
    assertProblem(yaml, path, message);
  }

  @Test
  void theRefusedSqliteUrlIsNotEchoed() {
    String yaml =
        OneDeviceYaml.withSections(
            "history:\n  jdbc_url: jdbc:sqlite:/srv/secret-9931.db\n"
                + "cluster:\n  members: [10.0.0.5:5701]\n");

    assertThatThrownBy(() -> loader.parse("t.yml", yaml, dir))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("history.jdbc_url: a cluster's members must share one history")
        .hasMessageNotContaining("secret-9931");
  }

  @Test
  void everyProblemOfTheSectionIsReportedAtOnce() {
    String yaml =
        OneDeviceYaml.withSections(
            """
            cluster:
              name: "no spaces"
              listen: 0.0.0.0:0
              failure_detection: 500ms
            """);

    assertThatThrownBy(() -> loader.parse("t.yml", yaml, dir))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .extracting(ConfigException.Problem::path)
                    .containsExactlyInAnyOrder(
                        "cluster.name",
                        "cluster.listen",
                        "cluster",
                        "cluster.failure_detection",
                        "history"));
  }

  @Test
  void theCommandLinesStateDirIsRefusedForACluster() throws ConfigException {
    LoadedConfig checked =
        loader.check(
            "t.yml",
            OneDeviceYaml.withSections(POSTGRES + "cluster:\n  members: [10.0.0.5:5701]\n"),
            dir);
    LoadedConfig merged =
        new LoadedConfig(
            checked.config().withHistory(HistoryConfig.ofStateDir("/var/lib/tunnelwatch")),
            checked.warnings());

    assertThatThrownBy(() -> ConfigLoader.checkStateDirOverride("t.yml", merged))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.problems())
                  .singleElement()
                  .satisfies(
                      p -> {
                        assertThat(p.path()).isEqualTo("--state-dir");
                        assertThat(p.message())
                            .startsWith("a cluster's members must share one history")
                            .contains("not --state-dir: SQLite keeps one file on each machine");
                      });
              assertThat(e.warnings())
                  .extracting(ConfigException.Problem::path)
                  .containsExactly("auths.lab.password");
            });
  }

  @Test
  void theCommandLinesStateDirIsFineForAnAgentAlone() throws ConfigException {
    LoadedConfig checked = loader.check("t.yml", OneDeviceYaml.withSections(POSTGRES), dir);
    LoadedConfig merged =
        new LoadedConfig(
            checked.config().withHistory(HistoryConfig.ofStateDir("/var/lib/tunnelwatch")),
            checked.warnings());

    assertThatCode(() -> ConfigLoader.checkStateDirOverride("t.yml", merged))
        .doesNotThrowAnyException();
  }
}
