package io.tunnelwatch.agent.config;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** The {@code devices} list: unique names, a known module, and an SSH and/or SNMP face. */
final class DeviceValidator {

  /** Longer and a device would hardly be watched; also keeps every schedule computation small. */
  static final Duration MAX_INTERVAL = Duration.ofDays(1);

  private final ConfigChecks checks;
  private final FileChecks files;
  private final AgentConfig config;
  private final Set<String> names = new HashSet<>();

  DeviceValidator(ConfigChecks checks, AgentConfig config) {
    this.checks = checks;
    this.files = new FileChecks(checks);
    this.config = config;
  }

  void validate(String path, @Nullable DeviceConfig device) {
    if (device == null) {
      checks.problem(path, "expected a mapping");
      return;
    }
    checks.requireName(path + ".name", device.name());
    if (device.name() != null
        && ConfigChecks.NAME.matcher(device.name()).matches()
        && !names.add(device.name())) {
      checks.problem(path + ".name", "duplicate device name '" + device.name() + "'");
    }
    checks.requireHost(path + ".host", device.host());
    checks.requireDuration(
        path + ".interval", device.interval(), ConfigChecks.MIN_INTERVAL, MAX_INTERVAL);
    if (device.module() == null || !config.modules().containsKey(device.module())) {
      checks.problem(
          path + ".module",
          "expected one of the modules "
              + new TreeSet<>(config.modules().keySet())
              + ", got "
              + Shown.quoted(device.module()));
    }
    if (device.ssh().isEmpty() && device.snmp().isEmpty()) {
      checks.problem(path, "expected an ssh or an snmp section (or both)");
    }
    device.ssh().ifPresent(ssh -> validateSsh(path + ".ssh", ssh));
    device.snmp().ifPresent(snmp -> validateSnmp(path + ".snmp", snmp));
    EventsValidator.validate(checks, path + ".events", device.events(), true);
  }

  private void validateSsh(String path, DeviceConfig.DeviceSshConfig ssh) {
    if (ssh.port() < 1 || ssh.port() > 65535) {
      checks.problem(path + ".port", "expected a port 1..65535, got " + ssh.port());
    }
    Set<String> sshAuths = ConfigChecks.authNames(config.auths(), false);
    if (ssh.auth() == null || !sshAuths.contains(ssh.auth())) {
      checks.problem(
          path + ".auth",
          "expected one of the SSH auths " + sshAuths + ", got " + Shown.quoted(ssh.auth()));
    }
    if (ConfigChecks.blank(ssh.knownHosts())) {
      checks.problem(path + ".known_hosts", "expected the path of an OpenSSH known_hosts file");
    } else {
      files.requireKnownHosts(path + ".known_hosts", ssh.knownHosts(), ssh.trustOnFirstUse());
    }
  }

  private void validateSnmp(String path, DeviceConfig.DeviceSnmpConfig snmp) {
    checks.requireRange(path + ".port", snmp.port(), 1, 65535);
    snmp.host()
        .ifPresent(
            host -> {
              if (host.isBlank()) {
                checks.problem(
                    path + ".host", "expected the SNMP agent's address, or no host key at all");
              } else {
                checks.requireHost(path + ".host", host);
              }
            });
    Set<String> snmpAuths = ConfigChecks.authNames(config.auths(), true);
    if (snmp.auth() == null || !snmpAuths.contains(snmp.auth())) {
      checks.problem(
          path + ".auth",
          "expected one of the auths with an snmp block "
              + snmpAuths
              + ", got "
              + Shown.quoted(snmp.auth()));
    }
  }
}
