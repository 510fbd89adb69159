package io.tunnelwatch.agent.cli;

import io.tunnelwatch.agent.BuildInfo;
import io.tunnelwatch.agent.config.AgentConfig;
import io.tunnelwatch.agent.config.ConfigException;
import io.tunnelwatch.agent.config.ConfigLoader;
import io.tunnelwatch.agent.config.HistoryConfig;
import io.tunnelwatch.agent.config.HttpConfig;
import io.tunnelwatch.agent.config.LoadedConfig;
import io.tunnelwatch.agent.history.HistoryStoreException;
import io.tunnelwatch.agent.http.security.WebConfigLoader;
import io.tunnelwatch.agent.http.security.WebSecurity;
import io.tunnelwatch.agent.run.Agent;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code run --config.file FILE}: the daemon. Flags follow the Prometheus exporters' ({@code
 * --config.file}, {@code --web.listen-address}, {@code --log.level}, {@code --log.format}); {@code
 * --config} stays as an alias.
 */
@Command(name = "run", description = "Run the agent with a configuration file.")
final class RunCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

  @Option(
      names = {"--config.file", "--config"},
      required = true,
      paramLabel = "FILE",
      description = "YAML configuration")
  Path config;

  @Option(
      names = "--web.listen-address",
      paramLabel = "HOST:PORT",
      converter = HostPort.Converter.class,
      description = "Serve /metrics and the status page here (overrides http.listen in the file)")
  @Nullable InetSocketAddress listen;

  @Option(
      names = "--web.config.file",
      paramLabel = "FILE",
      description =
          "TLS and basic authentication for the HTTP endpoint, in the Prometheus exporter-toolkit's"
              + " format (docs/web-config.md)")
  @Nullable Path webConfig;

  @Option(
      names = "--log.level",
      paramLabel = "LEVEL",
      description = "Only log at this level and above: " + LogLevelOption.NAMES + " (default info)")
  @Nullable String logLevel;

  @Option(
      names = "--log.format",
      paramLabel = "FORMAT",
      description = "Log lines as " + LogFormatOption.NAMES + " (default logfmt)")
  @Nullable String logFormat;

  @Option(
      names = "--state-dir",
      paramLabel = "DIR",
      description = "Keep the event history in DIR/tunnelwatch.db (overrides history in the file)")
  Path stateDir;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    try {
      if (logLevel != null) {
        LogLevelOption.apply(logLevel);
      }
      if (logFormat != null) {
        LogFormatOption.apply(logFormat);
      }
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println(e.getMessage());
      return CommandLine.ExitCode.USAGE;
    }
    WebSecurity web = WebSecurity.NONE;
    if (webConfig != null) {
      try {
        web = new WebConfigLoader().load(webConfig);
      } catch (ConfigException e) {
        spec.commandLine().getErr().println(e.getMessage());
        return CheckConfigCommand.INVALID_CONFIGURATION;
      }
    }
    AgentConfig loaded;
    try {
      LoadedConfig checked = load();
      checked.warnings().forEach(w -> LOG.warn("configuration: {}", w));
      loaded = checked.config();
    } catch (ConfigException e) {
      // the same list check-config prints, and the same exit code
      spec.commandLine().getErr().println(e.getMessage());
      CheckConfigCommand.printWarnings(spec.commandLine().getErr(), e.warnings());
      return CheckConfigCommand.INVALID_CONFIGURATION;
    }
    Agent agent;
    try {
      agent = Agent.start(loaded, this::load, web, Clock.systemUTC(), System::getenv, List.of());
    } catch (HistoryStoreException e) {
      spec.commandLine().getErr().println(e.getMessage());
      return 1;
    }
    LOG.info(
        "tunnelwatch {} polling {} devices from {}; metrics at {}://{}/metrics",
        BuildInfo.current().version(),
        loaded.devices().size(),
        config,
        web.tls().isPresent() ? "https" : "http",
        HostPort.format(agent.httpAddress()));
    if (agent.history().isEmpty()) {
      LOG.info("no event history kept (set history in the configuration or use --state-dir)");
    }
    // The signal thread only hands the reload over; the reloader logs how it went.
    HangupSignal.onHangup(
        () -> {
          var unused = agent.reload();
        });
    ShutdownHook.runUntilSignalled(agent);
    return 0;
  }

  /**
   * Reads and checks the file, with the command line's overrides applied: at start and at every
   * reload, so that a reload compares like with like.
   */
  private LoadedConfig load() throws ConfigException {
    LoadedConfig checked = new ConfigLoader().check(config);
    AgentConfig loaded = checked.config();
    if (stateDir != null) {
      loaded = loaded.withHistory(HistoryConfig.ofStateDir(stateDir.toAbsolutePath().toString()));
    }
    if (listen != null) {
      loaded = loaded.withHttp(new HttpConfig(HostPort.format(listen)));
    }
    LoadedConfig merged = new LoadedConfig(loaded, checked.warnings());
    if (stateDir != null) {
      ConfigLoader.checkStateDirOverride(config.toString(), merged);
    }
    return merged;
  }
}
