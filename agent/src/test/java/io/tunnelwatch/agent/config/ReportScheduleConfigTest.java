package io.tunnelwatch.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportScheduleConfigTest {

  @TempDir Path dir;

  private final ConfigLoader loader = new ConfigLoader();

  @BeforeEach
  void files() throws IOException {
    Files.writeString(dir.resolve("known_hosts"), "");
    Files.writeString(dir.resolve("password.txt"), "pw\n");
  }

  private static String withReports(String reports) {
    return """
        auths:
          lab: {username: netops, password_file: password.txt}
        modules:
          ipsec: {ssh: {command_timeout: 20s}}
        devices:
          - {name: R1, host: 127.0.0.1, module: ipsec, ssh: {auth: lab, known_hosts: known_hosts}}
        reports:
        """
        + reports;
  }

  @Test
  void decodesSchedulesWithDefaultsAndResolvesTheDirectory() throws ConfigException {
    AgentConfig config =
        loader.parse(
            "t.yml",
            withReports(
                """
                  - {name: daily, cron: "0 0 6 * * ?", period: previous_day, directory: out}
                  - {name: monthly, cron: "0 0 7 1 * ?", period: previous_month, format: csv,
                     directory: /var/reports, keep: 24}
                """),
            dir);

    assertThat(config.reports())
        .containsExactly(
            new ReportScheduleConfig(
                "daily", "0 0 6 * * ?", "previous_day", "html", dir.resolve("out").toString(), 10),
            new ReportScheduleConfig(
                "monthly", "0 0 7 1 * ?", "previous_month", "csv", "/var/reports", 24));
  }

  @Test
  void everyBadFieldIsReportedWithItsKeyPath() {
    assertThatThrownBy(
            () ->
                loader.parse(
                    "t.yml",
                    withReports(
                        """
                          - {name: daily, cron: "0 0 6 * *", period: yesterday, format: pdf,
                             directory: out, keep: 0}
                          - {name: daily, cron: "0 0 6 * * ?", period: previous_day}
                        """),
                    dir))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("reports[0].cron: expected a Quartz cron expression")
        .hasMessageContaining(
            "reports[0].period: expected one of [previous_day, previous_month, previous_week], got 'yesterday'")
        .hasMessageContaining("reports[0].format: expected one of [csv, html, json], got 'pdf'")
        .hasMessageContaining("reports[0].keep: expected at least 1, got 0")
        .hasMessageContaining("reports[1].name: duplicate report name 'daily'")
        .hasMessageContaining("reports[1].directory: expected the folder");
  }

  @Test
  void anUnknownKeyIsAnErrorNamingItsPath() {
    assertThatThrownBy(
            () ->
                loader.parse(
                    "t.yml",
                    withReports(
                        """
                          - {name: daily, cron: "0 0 6 * * ?", period: previous_day, directory: out,
                             retain: 3}
                        """),
                    dir))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("reports[0].retain: unknown key 'retain'");
  }
}
