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

/** The history and alerting sections of the configuration. */
class HistoryAlertingConfigTest {

  @TempDir Path dir;
  private final ConfigLoader loader = new ConfigLoader();

  @BeforeEach
  void knownHosts() throws IOException {
    Files.writeString(dir.resolve("known_hosts"), "");
  }

  @Test
  void withoutTheSectionsThereIsNoHistoryAndNoAlerting() throws ConfigException {
    AgentConfig config = loader.parse("t.yml", OneDeviceYaml.withSections(""), dir);

    assertThat(config.history().enabled()).isFalse();
    assertThat(config.alerting().alertmanager()).isEmpty();
    assertThat(config.alerting().webhooks()).isEmpty();
    assertThat(config.alerting().resendInterval())
        .isEqualTo(AlertingConfig.DEFAULT_RESEND_INTERVAL);
  }

  @Test
  void decodesHistoryAndAlertingWithTheStateDirRelativeToTheFile() throws ConfigException {
    AgentConfig config =
        loader.parse(
            "t.yml",
            OneDeviceYaml.withSections(
                """
                history:
                  state_dir: state
                alerting:
                  alertmanager: [http://127.0.0.1:9093, http://127.0.0.2:9093]
                  webhooks: [https://hooks.example.net/tunnelwatch]
                  resend_interval: 30s
                """),
            dir);

    assertThat(Path.of(config.history().stateDir().orElseThrow())).isEqualTo(dir.resolve("state"));
    assertThat(config.alerting().alertmanager())
        .containsExactly("http://127.0.0.1:9093", "http://127.0.0.2:9093");
    assertThat(config.alerting().webhooks())
        .containsExactly("https://hooks.example.net/tunnelwatch");
    assertThat(config.alerting().resendInterval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.alerting().grafanaUrl()).isEmpty();
  }

  @Test
  void decodesTheGrafanaTheStatusPageLinksTo() throws ConfigException {
    AgentConfig config =
        loader.parse(
            "t.yml",
            OneDeviceYaml.withSections("alerting:\n  grafana_url: https://grafana.example.net/\n"),
            dir);

    assertThat(config.alerting().grafanaUrl()).hasValue("https://grafana.example.net/");
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "'history: {state_dir: s, jdbc_url: \"jdbc:sqlite:x.db\"}' | history | expected state_dir or jdbc_url, not both",
        "'history: {jdbc_url: \"jdbc:mysql://u:pw-9f3e@h/db\"}' | history.jdbc_url | expected a URL starting with jdbc:sqlite: or jdbc:postgresql:",
        "'history: {state: s}' | history.state | unknown key 'state'",
        "'history: {state_dir: \"\"}' | history.state_dir | expected a directory path",
        "'alerting: {alertmanager: [\"127.0.0.1:9093\"]}' | alerting.alertmanager[0] | expected an http:// or https:// URL",
        "'alerting: {webhooks: [\"http://ok:1/\", \"ftp://x/\"]}' | alerting.webhooks[1] | expected an http:// or https:// URL",
        "'alerting: {resend_interval: 10m}' | alerting.resend_interval | expected 1s to 2m30s",
        "'alerting: {resend_interval: soon}' | alerting.resend_interval | expected a duration",
        "'alerting: {grafana_url: \"grafana:3000\"}' | alerting.grafana_url | expected an http:// or https:// URL",
        "'alerting: {grafana_url: [\"http://g:3000\"]}' | alerting.grafana_url | expected",
      })
  void namesTheKeyPathAndWhatWasExpected(String section, String path, String message) {
    assertThatThrownBy(() -> loader.parse("t.yml", OneDeviceYaml.withSections(section), dir))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.problems())
                  .anySatisfy(
                      p -> {
                        assertThat(p.path()).isEqualTo(path);
                        assertThat(p.message()).contains(message);
                      });
              assertThat(e.getMessage()).doesNotContain("pw-9f3e");
            });
  }

  @Test
  void aStateDirUnderAFileIsRefused() throws IOException {
    Files.writeString(dir.resolve("not-a-dir"), "x");

    assertThatThrownBy(
            () ->
                loader.parse(
                    "t.yml",
                    OneDeviceYaml.withSections("history: {state_dir: not-a-dir/state}\n"),
                    dir))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .singleElement()
                    .satisfies(
                        p -> {
                          assertThat(p.path()).isEqualTo("history.state_dir");
                          assertThat(p.message()).contains("expected a writable directory");
                        }));
  }
}
