package io.tunnelwatch.agent.cli;

import io.tunnelwatch.agent.config.AgentConfig;
import io.tunnelwatch.agent.config.ConfigException;
import io.tunnelwatch.agent.config.ConfigLoader;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code check-config FILE}: validates a configuration without starting anything. */
@Command(name = "check-config", description = "Validate a configuration file and exit.")
final class CheckConfigCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "FILE", description = "YAML configuration file")
  Path file;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    try {
      AgentConfig config = new ConfigLoader().load(file);
      spec.commandLine()
          .getOut()
          .printf(
              "%s: OK (%d devices, %d auths, %d modules)%n",
              file, config.devices().size(), config.auths().size(), config.modules().size());
      return 0;
    } catch (ConfigException e) {
      spec.commandLine().getErr().println(e.getMessage());
      return 1;
    }
  }
}
