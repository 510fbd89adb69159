package io.tunnelwatch.agent.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;

/** The {@code tunnelwatch} command and its subcommands. */
@Command(
    name = "tunnelwatch",
    mixinStandardHelpOptions = true,
    // Every subcommand answers --help and --version, even one with required options.
    scope = ScopeType.INHERIT,
    versionProvider = BuildVersion.class,
    description = "Watches IPsec-over-GRE tunnels on Cisco IOS / IOS-XE routers.",
    subcommands = {
      RunCommand.class,
      CheckConfigCommand.class,
      ParseCommand.class,
      ReportCommand.class,
      DiagnoseCommand.class
    })
public final class TunnelwatchCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
