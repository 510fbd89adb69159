package io.tunnelwatch.agent.cli;

import io.tunnelwatch.agent.config.AgentConfig;
import io.tunnelwatch.agent.config.ConfigException;
import io.tunnelwatch.agent.config.ConfigLoader;
import io.tunnelwatch.agent.config.LoadedConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code check-config --config FILE}: validates a configuration without starting anything, with
 * exactly the checks {@code run} makes at start-up, and lists every problem at once.
 */
@Command(
    name = "check-config",
    description = {
      "Validate a configuration file and exit: 0 when valid (warnings, such as inline secrets,"
          + " are printed), 2 when not (every problem listed, one per line)."
    })
final class CheckConfigCommand implements Callable<Integer> {

  /**
   * The exit code for a configuration that fails the checks: 1, as the issue of a file, not of the
   * command line (that is 2, usage); {@code run} exits with the same.
   */
  static final int INVALID_CONFIGURATION = 1;

  @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration file")
  @Nullable Path config;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "FILE",
      description = "YAML configuration file (instead of --config)")
  @Nullable Path file;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if ((config == null) == (file == null)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "give the configuration file once: --config FILE or FILE");
    }
    Path source = config != null ? config : file;
    PrintWriter err = spec.commandLine().getErr();
    try {
      LoadedConfig loaded = new ConfigLoader().check(source);
      AgentConfig checked = loaded.config();
      printWarnings(err, loaded.warnings());
      spec.commandLine()
          .getOut()
          .printf(
              "%s: OK (%d devices, %d auths, %d modules)%n",
              source, checked.devices().size(), checked.auths().size(), checked.modules().size());
      return 0;
    } catch (ConfigException e) {
      err.println(e.getMessage());
      printWarnings(err, e.warnings());
      return INVALID_CONFIGURATION;
    }
  }

  static void printWarnings(PrintWriter err, List<ConfigException.Problem> warnings) {
    warnings.forEach(w -> err.println("  warning: " + w));
  }
}
