package io.tunnelwatch.agent.config;

import org.jspecify.annotations.Nullable;

/** A {@code modules.NAME} entry: timeouts and SNMP walk limits within workable bounds. */
final class ModuleValidator {

  private ModuleValidator() {}

  static void validate(ConfigChecks checks, String name, @Nullable ModuleConfig module) {
    String path = "modules." + name;
    if (module == null) {
      checks.problem(path, "expected a mapping with ssh and/or snmp settings");
      return;
    }
    checks.requirePositive(path + ".ssh.command_timeout", module.ssh().commandTimeout());
    checks.requirePositive(path + ".ssh.connect_timeout", module.ssh().connectTimeout());
    ModuleConfig.SnmpModuleConfig snmp = module.snmp();
    checks.requirePositive(path + ".snmp.timeout", snmp.timeout());
    checks.requirePositive(path + ".snmp.walk_timeout", snmp.walkTimeout());
    checks.requireRange(path + ".snmp.retries", snmp.retries(), 0, 10);
    if (snmp.timeout().toMillis() > 60_000) {
      checks.problem(path + ".snmp.timeout", "expected at most 1m per request");
    }
    checks.requireRange(path + ".snmp.max_repetitions", snmp.maxRepetitions(), 1, 100);
    checks.requireRange(path + ".snmp.max_rows_per_walk", snmp.maxRowsPerWalk(), 1, 10_000_000);
  }
}
