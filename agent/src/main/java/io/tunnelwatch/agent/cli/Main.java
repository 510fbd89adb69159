package io.tunnelwatch.agent.cli;

import picocli.CommandLine;

/** Entry point of {@code tunnelwatch.jar}. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    int exit = new CommandLine(new TunnelwatchCommand()).execute(args);
    System.exit(exit);
  }
}
