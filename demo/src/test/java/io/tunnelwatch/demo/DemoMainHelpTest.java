package io.tunnelwatch.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class DemoMainHelpTest {

  @ParameterizedTest
  @ValueSource(strings = {"run", "check-config", "parse", "report", "demo", "lab"})
  void everySubcommandOfTheDemoJarAnswersHelpWithExitZero(String subcommand) {
    StringWriter out = new StringWriter();
    CommandLine commandLine = DemoMain.commandLine();
    commandLine.setOut(new PrintWriter(out));

    int exit = commandLine.execute(subcommand, "--help");

    assertThat(exit).isZero();
    assertThat(out.toString()).startsWith("Usage: tunnelwatch " + subcommand);
  }
}
