package io.tunnelwatch.agent.run;

import io.tunnelwatch.agent.config.AgentConfig;
import io.tunnelwatch.agent.config.AuthConfig;
import io.tunnelwatch.agent.config.DeviceConfig;
import io.tunnelwatch.agent.config.ModuleConfig;
import io.tunnelwatch.ios.transport.CliException;
import io.tunnelwatch.ios.transport.SshCliSession;
import io.tunnelwatch.ios.transport.SshTarget;
import io.tunnelwatch.snmp.SnmpTarget;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Where and how to reach a configured device, with its credentials resolved: for the pollers and
 * for {@code diagnose}, which must log in exactly as they do.
 */
final class DeviceTargets {

  private final SshCredentialsResolver sshCredentials;
  private final SnmpCredentialsResolver snmpCredentials;

  DeviceTargets(Function<String, String> environment) {
    this.sshCredentials = new SshCredentialsResolver(environment);
    this.snmpCredentials = new SnmpCredentialsResolver(environment);
  }

  /**
   * The device's SSH login; the device must have {@code ssh}.
   *
   * @throws CliException when its secret cannot be read (an unset variable, a missing file)
   */
  SshTarget ssh(AgentConfig config, DeviceConfig device) throws CliException {
    DeviceConfig.DeviceSshConfig ssh = device.ssh().orElseThrow();
    AuthConfig auth = config.auth(ssh.auth());
    ModuleConfig.SshModuleConfig module = config.module(device.module()).ssh();
    return new SshTarget(
        device.name(),
        device.host(),
        ssh.port(),
        auth.username().orElseThrow(), // validated: a login has one
        sshCredentials.resolve(ssh.auth(), auth),
        Path.of(ssh.knownHosts()),
        ssh.trustOnFirstUse(),
        module.connectTimeout());
  }

  static SshCliSession.OutputLimits outputLimits(ModuleConfig.SshModuleConfig module) {
    return new SshCliSession.OutputLimits(
        module.maxOutputBytes(), SshCliSession.OutputLimits.DEFAULT.maxBannerBytes());
  }

  /** The device's SNMP agent; the device must have {@code snmp}. */
  SnmpTarget snmp(AgentConfig config, DeviceConfig device) {
    DeviceConfig.DeviceSnmpConfig snmp = device.snmp().orElseThrow();
    AuthConfig auth = config.auth(snmp.auth());
    ModuleConfig.SnmpModuleConfig module = config.module(device.module()).snmp();
    return new SnmpTarget(
        snmp.host().orElse(device.host()),
        snmp.port(),
        module.timeout(),
        module.retries(),
        snmpCredentials.resolve(snmp.auth(), auth.snmp().orElseThrow()));
  }
}
