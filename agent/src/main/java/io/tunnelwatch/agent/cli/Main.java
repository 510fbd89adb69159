package io.tunnelwatch.agent.cli;

import picocli.CommandLine;

/** Entry point of {@code tunnelwatch.jar}. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /**
   * The {@code tunnelwatch} command line, for {@code main} and for runnables that add subcommands
   * of their own (the demo adds {@code demo} and {@code lab}).
   */
  public static CommandLine commandLine() {
    return new CommandLine(new TunnelwatchCommand())
        .setExecutionExceptionHandler(
            (e, commandLine, parseResult) -> {
              // Expected failures (a port in use, a lab that cannot start) deserve one line.
              commandLine.getErr().println("tunnelwatch: " + e.getMessage());
              return 1;
            });
  }
}
