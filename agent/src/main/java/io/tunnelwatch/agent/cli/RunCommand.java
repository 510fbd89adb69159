package io.tunnelwatch.agent.cli;

import io.tunnelwatch.agent.config.AgentConfig;
import io.tunnelwatch.agent.config.ConfigException;
import io.tunnelwatch.agent.config.ConfigLoader;
import io.tunnelwatch.agent.config.HistoryConfig;
import io.tunnelwatch.agent.config.LoadedConfig;
import io.tunnelwatch.agent.history.HistoryStoreException;
import io.tunnelwatch.agent.run.Agent;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code run --config FILE}: the daemon. */
@Command(name = "run", description = "Run the agent with a configuration file.")
final class RunCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

  @Option(
      names = "--config",
      required = true,
      paramLabel = "FILE",
      description = "YAML configuration")
  Path config;

  @Option(
      names = "--state-dir",
      paramLabel = "DIR",
      description = "Keep the event history in DIR/tunnelwatch.db (overrides history in the file)")
  Path stateDir;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    AgentConfig loaded;
    try {
      LoadedConfig checked = new ConfigLoader().check(config);
      checked.warnings().forEach(w -> LOG.warn("configuration: {}", w));
      loaded = checked.config();
      if (stateDir != null) {
        loaded = loaded.withHistory(new HistoryConfig(stateDir.toAbsolutePath().toString(), null));
      }
    } catch (ConfigException e) {
      // the same list check-config prints, and the same exit code
      spec.commandLine().getErr().println(e.getMessage());
      CheckConfigCommand.printWarnings(spec.commandLine().getErr(), e.warnings());
      return CommandLine.ExitCode.USAGE;
    }
    Agent agent;
    try {
      agent = Agent.start(loaded);
    } catch (HistoryStoreException e) {
      spec.commandLine().getErr().println(e.getMessage());
      return 1;
    }
    LOG.info(
        "tunnelwatch polling {} devices; metrics at http://{}/metrics",
        loaded.devices().size(),
        HostPort.format(agent.httpAddress()));
    if (agent.history().isEmpty()) {
      LOG.info("no event history kept (set history in the configuration or use --state-dir)");
    }
    ShutdownHook.runUntilSignalled(agent);
    return 0;
  }
}
