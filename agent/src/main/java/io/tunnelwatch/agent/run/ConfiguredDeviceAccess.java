package io.tunnelwatch.agent.run;

import io.tunnelwatch.agent.config.AgentConfig;
import io.tunnelwatch.agent.config.DeviceConfig;
import io.tunnelwatch.agent.config.ModuleConfig;
import io.tunnelwatch.agent.diagnose.DeviceAccess;
import io.tunnelwatch.agent.diagnose.DiagnosticCli;
import io.tunnelwatch.agent.time.DurationText;
import io.tunnelwatch.ios.transport.CliException;
import io.tunnelwatch.ios.transport.SshConnector;
import io.tunnelwatch.snmp.SnmpException;
import io.tunnelwatch.snmp.SnmpValue;
import io.tunnelwatch.snmp.VarBind;
import io.tunnelwatch.snmp.mib.MibOids;
import io.tunnelwatch.snmp.transport.Snmp4jClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The configured devices as {@code diagnose} reaches them: with the same logins, host keys and
 * timeouts as the pollers, on an SSH client and SNMP socket of its own, so that a diagnosis never
 * shares a session with a poll.
 */
public final class ConfiguredDeviceAccess implements DeviceAccess, AutoCloseable {

  /** Requests in flight on the diagnosis' SNMP socket: it asks one device at a time. */
  private static final int SNMP_WINDOW = 4;

  private final AgentConfig config;
  private final DeviceTargets targets;
  private final SshConnector connector = new SshConnector();
  private @Nullable Snmp4jClient snmpClient;

  public ConfiguredDeviceAccess(AgentConfig config, Function<String, String> environment) {
    this.config = config;
    this.targets = new DeviceTargets(environment);
  }

  @Override
  public List<String> devices() {
    return config.devices().stream().map(DeviceConfig::name).toList();
  }

  private DeviceConfig device(String name) {
    return config.device(name).orElseThrow(() -> new IllegalArgumentException("no device " + name));
  }

  @Override
  public DiagnosticCli open(String name) throws CliException {
    DeviceConfig device = device(name);
    if (device.ssh().isEmpty()) {
      throw new CliException(
          CliException.Kind.PROTOCOL, name + " has no ssh section: diagnose needs the CLI");
    }
    ModuleConfig.SshModuleConfig module = config.module(device.module()).ssh();
    return new DiagnosticCli(
        name,
        connector.open(
            targets.ssh(config, device),
            module.commandTimeout(),
            DeviceTargets.outputLimits(module)),
        module.commandTimeout());
  }

  @Override
  public Optional<SnmpReach> snmp(String name) {
    DeviceConfig device = device(name);
    if (device.snmp().isEmpty()) {
      return Optional.empty();
    }
    try {
      List<VarBind> answer =
          snmpClient().get(targets.snmp(config, device), List.of(MibOids.SYS_UP_TIME));
      String uptime =
          answer.get(0).value() instanceof SnmpValue.TimeTicks ticks
              ? DurationText.format(Duration.ofSeconds(Math.max(1, ticks.hundredths() / 100)))
              : "not a TimeTicks";
      return Optional.of(new SnmpReach(true, "answers (sysUpTime " + uptime + ")"));
    } catch (SnmpException e) {
      return Optional.of(new SnmpReach(false, "does not answer: " + e.getMessage()));
    }
  }

  private synchronized Snmp4jClient snmpClient() throws SnmpException {
    if (snmpClient == null) {
      snmpClient = Snmp4jClient.open(SNMP_WINDOW);
    }
    return snmpClient;
  }

  @Override
  public synchronized void close() {
    connector.close();
    if (snmpClient != null) {
      try {
        snmpClient.close();
      } catch (java.io.IOException e) {
        // nothing was waiting on it any more
      }
    }
  }
}
