package io.tunnelwatch.demo;

import io.tunnelwatch.agent.cli.Main;
import io.tunnelwatch.lab.cli.LabCommand;
import picocli.CommandLine;

/**
 * Entry point of {@code tunnelwatch-demo.jar}: every command of {@code tunnelwatch.jar} plus {@code
 * demo} and {@code lab}, which carry the simulated routers that the production jar leaves out.
 */
public final class DemoMain {

  private DemoMain() {}

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  static CommandLine commandLine() {
    return Main.commandLine().addSubcommand(new DemoCommand()).addSubcommand(new LabCommand());
  }
}
