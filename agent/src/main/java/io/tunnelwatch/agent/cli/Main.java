package io.tunnelwatch.agent.cli;

import picocli.CommandLine;

/** Entry point of {@code tunnelwatch.jar}. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    int exit =
        new CommandLine(new TunnelwatchCommand())
            .setExecutionExceptionHandler(
                (e, commandLine, parseResult) -> {
                  // Expected failures (a port in use, a lab that cannot start) deserve one line.
                  commandLine.getErr().println("tunnelwatch: " + e.getMessage());
                  return 1;
                })
            .execute(args);
    System.exit(exit);
  }
}
