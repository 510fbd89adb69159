package io.tunnelwatch.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tunnelwatch.agent.config.AgentConfig;
import io.tunnelwatch.agent.history.EventHistory;
import io.tunnelwatch.agent.report.Histories;
import io.tunnelwatch.agent.report.HistoryOpener;
import io.tunnelwatch.agent.report.InMemoryEventHistory;
import io.tunnelwatch.agent.report.StoreHistoryOpener;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class ReportCommandTest {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final InMemoryEventHistory history = Histories.twoRouters();
  private final List<Object> openedWith = new ArrayList<>();

  private final HistoryOpener opener =
      new HistoryOpener() {
        @Override
        public EventHistory openStateDir(Path stateDir) {
          openedWith.add(stateDir);
          return history;
        }

        @Override
        public EventHistory openConfigured(AgentConfig config) {
          openedWith.add(config);
          return history;
        }
      };

  private int report(Optional<HistoryOpener> with, String... args) {
    CommandLine cli = new CommandLine(new TunnelwatchCommand(), new ReportCommandFactory(with));
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    String[] all = new String[args.length + 1];
    all[0] = "report";
    System.arraycopy(args, 0, all, 1, args.length);
    return cli.execute(all);
  }

  /** Hands the fake opener to the report command; every other command is built as usual. */
  private record ReportCommandFactory(Optional<HistoryOpener> opener)
      implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> type) throws Exception {
      if (type == ReportCommand.class) {
        return type.cast(new ReportCommand(opener, Clock.fixed(Histories.D2, ZoneOffset.UTC)));
      }
      return CommandLine.defaultFactory().create(type);
    }
  }

  @Test
  void writesTheRequestedPeriodAsJsonFromTheStateDirectory() throws IOException {
    Path file = Files.createDirectories(dir.resolve("out")).resolve("report.json");

    int exit =
        report(
            Optional.of(opener),
            "--state-dir",
            dir.toString(),
            "--from",
            "2026-11-02",
            "--to",
            "2026-11-03T00:00:00Z",
            "--format",
            "json",
            "--out",
            file.toString());

    assertThat(exit).as(err.toString()).isZero();
    JsonNode json = new ObjectMapper().readTree(file.toFile());
    assertThat(json.path("period").path("from").asText()).isEqualTo("2026-11-02T00:00:00Z");
    assertThat(json.path("fleet").path("availability").path("percent").decimalValue())
        .isEqualByComparingTo("95.556");
    assertThat(openedWith).containsExactly(dir);
    assertThat(history.closed()).isTrue();
    assertThat(out.toString()).contains("2 tunnels, 2 peers");
  }

  @Test
  void thePeriodDefaultsToEverythingRecorded() throws IOException {
    Path file = dir.resolve("all.csv");

    int exit =
        report(
            Optional.of(opener),
            "--state-dir",
            dir.toString(),
            "--format",
            "csv",
            "--device",
            "R2",
            "--out",
            file.toString());

    assertThat(exit).as(err.toString()).isZero();
    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(3);
    assertThat(lines.get(1))
        .startsWith("tunnel,R2,Tunnel12,100.0.0.1,2026-11-01T00:00:00Z,2026-11-03T00:00:00Z,");
  }

  @Test
  void opensTheHistoryAConfigurationPointsAt() throws IOException {
    Files.writeString(dir.resolve("known_hosts"), "");
    Files.writeString(dir.resolve("secret"), "pw\n");
    Path config = dir.resolve("tunnelwatch.yml");
    Files.writeString(
        config,
        """
        auths:
          netops: {username: tunnelwatch, password_file: secret}
        modules:
          ipsec_gre: {ssh: {command_timeout: 15s, connect_timeout: 10s}}
        devices:
          - {name: R1, host: 100.0.0.1, module: ipsec_gre, ssh: {auth: netops, known_hosts: known_hosts}}
        """);

    int exit =
        report(
            Optional.of(opener),
            "--config",
            config.toString(),
            "--out",
            dir.resolve("r.html").toString());

    assertThat(exit).as(err.toString()).isZero();
    assertThat(openedWith).singleElement().isInstanceOf(AgentConfig.class);
    assertThat(Files.readString(dir.resolve("r.html"))).contains("<!DOCTYPE html>");
  }

  @Test
  void aBadDateNamesTheOptionAndTheExpectedFormAndWritesNothing() {
    Path file = dir.resolve("r.html");

    int exit =
        report(
            Optional.of(opener),
            "--state-dir",
            dir.toString(),
            "--from",
            "1st of November",
            "--out",
            file.toString());

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString())
        .contains("--from: expected an ISO date such as 2026-11-01")
        .contains("'1st of November'");
    assertThat(file).doesNotExist();
  }

  @Test
  void aMissingDirectoryOfOutNamesTheOptionAndIsNotCreated() {
    Path file = dir.resolve("no-such-dir/r.html");

    int exit = report(Optional.of(opener), "--state-dir", dir.toString(), "--out", file.toString());

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString().strip())
        .isEqualTo(
            "tunnelwatch report: --out: the directory "
                + dir.resolve("no-such-dir")
                + " does not exist (report creates no directories)");
    assertThat(file.getParent()).doesNotExist();
    assertThat(openedWith).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "--from,+10000-01-01",
    "--from,1600-01-01T00:00",
    "--to,+999999999-12-31T23:59:59+18:00",
    "--to,2262-04-12"
  })
  void aTimeOutsideWhatTheHistoryHoldsNamesTheOption(String option, String time) {
    int exit =
        report(
            Optional.of(opener),
            "--state-dir",
            dir.toString(),
            option,
            time,
            "--out",
            dir.resolve("r.html").toString());

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString().strip())
        .isEqualTo(
            "tunnelwatch report: "
                + option
                + ": "
                + time
                + " is outside the times the history can hold"
                + " (1677-09-21T00:12:43.145224192Z .. 2262-04-11T23:47:16.854775807Z)");
  }

  @Test
  void anEmptyHistoryFileIsAClearErrorAndStaysEmpty() throws IOException {
    Path db = Files.createFile(dir.resolve("tunnelwatch.db"));

    int exit =
        report(
            Optional.of(new StoreHistoryOpener()),
            "--state-dir",
            dir.toString(),
            "--out",
            dir.resolve("r.html").toString());

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString()).contains(db + " is empty, not a tunnelwatch history");
    assertThat(db).isEmptyFile();
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(db);
    }
  }

  @Test
  void anUnknownFormatAndAReversedPeriodAreRefused() {
    int badFormat =
        report(
            Optional.of(opener),
            "--state-dir",
            dir.toString(),
            "--format",
            "pdf",
            "--out",
            dir.resolve("r").toString());
    int reversed =
        report(
            Optional.of(opener),
            "--state-dir",
            dir.toString(),
            "--from",
            "2026-11-03",
            "--to",
            "2026-11-02",
            "--out",
            dir.resolve("r").toString());

    assertThat(badFormat).isEqualTo(1);
    assertThat(reversed).isEqualTo(1);
    assertThat(err.toString())
        .contains("--format: expected one of html, csv, json, got 'pdf'")
        .contains("expected --from before --to");
  }

  @Test
  void withoutAnInstalledHistoryStoreItSaysSo() {
    int exit =
        report(
            Optional.empty(),
            "--state-dir",
            dir.toString(),
            "--out",
            dir.resolve("r.html").toString());

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString()).contains("no event history store is installed");
  }

  @Test
  void eitherAStateDirectoryOrAConfigurationIsRequired() {
    int exit = report(Optional.of(opener), "--out", dir.resolve("r.html").toString());

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("--state-dir").contains("--config");
  }
}
