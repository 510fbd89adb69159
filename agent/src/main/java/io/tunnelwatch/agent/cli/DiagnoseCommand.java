package io.tunnelwatch.agent.cli;

import io.tunnelwatch.agent.config.AgentConfig;
import io.tunnelwatch.agent.config.ConfigException;
import io.tunnelwatch.agent.config.ConfigLoader;
import io.tunnelwatch.agent.diagnose.Diagnoser;
import io.tunnelwatch.agent.diagnose.Diagnosis;
import io.tunnelwatch.agent.diagnose.DiagnosisJson;
import io.tunnelwatch.agent.diagnose.DiagnosisText;
import io.tunnelwatch.agent.run.ConfiguredDeviceAccess;
import io.tunnelwatch.agent.time.DurationText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code diagnose --config FILE DEVICE [--peer ADDRESS]}: walks the verification ladder on the live
 * router, compares its crypto configuration with the other end's and audits it.
 */
@Command(
    name = "diagnose",
    description = {
      "Walk the verification ladder of each tunnel of DEVICE on the live router (read-only show"
          + " commands and short pings only), compare both ends' crypto configuration when the"
          + " other end is a configured device, and audit weak crypto choices.",
      "Exit status: 0 when every tunnel is healthy, 3 when a rung fails, 1 for a configuration"
          + " that fails its checks or an unknown device, 2 for a usage error."
    })
final class DiagnoseCommand implements Callable<Integer> {

  static final int A_RUNG_FAILS = 3;

  enum Format {
    text,
    json
  }

  @Option(
      names = "--config",
      required = true,
      paramLabel = "FILE",
      description = "YAML configuration file")
  Path config;

  @Parameters(
      index = "0",
      paramLabel = "DEVICE",
      description = "a device name of the configuration")
  String device;

  @Option(
      names = "--peer",
      paramLabel = "ADDRESS",
      description = "only the tunnel or crypto peer with this public address")
  @Nullable String peer;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "text or json (default: ${DEFAULT-VALUE})")
  Format format;

  @Option(
      names = "--counter-interval",
      defaultValue = "3s",
      paramLabel = "DURATION",
      description =
          "how long apart the IPsec counters are read to see them move (default: ${DEFAULT-VALUE})")
  String counterInterval;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    Duration interval;
    try {
      interval = DurationText.parse(counterInterval);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--counter-interval: " + e.getMessage());
    }
    if (interval.isNegative() || interval.compareTo(Duration.ofMinutes(1)) > 0) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--counter-interval: expected 0s to 1m, got " + counterInterval);
    }
    AgentConfig checked;
    try {
      checked = new ConfigLoader().check(config).config();
    } catch (ConfigException e) {
      err.println(e.getMessage());
      return CheckConfigCommand.INVALID_CONFIGURATION;
    }
    try (ConfiguredDeviceAccess access = new ConfiguredDeviceAccess(checked, System::getenv)) {
      Diagnosis diagnosis =
          new Diagnoser(access, Clock.systemUTC(), interval)
              .diagnose(device, Optional.ofNullable(peer));
      PrintWriter out = spec.commandLine().getOut();
      out.print(
          format == Format.json
              ? DiagnosisJson.write(diagnosis) + "\n"
              : DiagnosisText.write(diagnosis));
      out.flush();
      return diagnosis.healthy() ? 0 : A_RUNG_FAILS;
    } catch (IllegalArgumentException e) {
      err.println("diagnose: " + e.getMessage());
      return CheckConfigCommand.INVALID_CONFIGURATION;
    }
  }
}
