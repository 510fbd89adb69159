package io.tunnelwatch.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunnelwatch.agent.BuildInfo;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class HelpTest {

  @ParameterizedTest
  @ValueSource(strings = {"", "run", "check-config", "parse", "report"})
  void everyCommandAnswersHelpWithItsUsageAndExitZero(String subcommand) {
    StringWriter out = new StringWriter();
    CommandLine commandLine = Main.commandLine();
    commandLine.setOut(new PrintWriter(out));
    String[] args =
        subcommand.isEmpty() ? new String[] {"--help"} : new String[] {subcommand, "--help"};

    int exit = commandLine.execute(args);

    assertThat(exit).isZero();
    assertThat(out.toString()).startsWith("Usage: tunnelwatch " + subcommand);
  }

  @ParameterizedTest
  @ValueSource(strings = {"run", "check-config", "parse", "report"})
  void everySubcommandAnswersVersion(String subcommand) {
    StringWriter out = new StringWriter();
    CommandLine commandLine = Main.commandLine();
    commandLine.setOut(new PrintWriter(out));

    int exit = commandLine.execute(subcommand, "--version");

    assertThat(exit).isZero();
    // The version Maven filtered into build.properties, not a literal that goes stale.
    assertThat(out.toString())
        .startsWith("tunnelwatch " + BuildInfo.current().version() + " (revision ")
        .contains("Java " + Runtime.version());
    assertThat(BuildInfo.current().version()).matches("\\d+\\.\\d+\\.\\d+.*");
  }
}
