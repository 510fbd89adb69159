package io.tunnelwatch.agent.config;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** A {@code modules.NAME} entry: timeouts and SNMP walk limits within workable bounds. */
final class ModuleValidator {

  // Bounds well past any working router's answer: a longer wait only delays noticing it is gone.
  static final Duration MAX_COMMAND_TIMEOUT = Duration.ofHours(1);
  static final Duration MAX_CONNECT_TIMEOUT = Duration.ofMinutes(10);
  static final Duration MAX_SNMP_TIMEOUT = Duration.ofMinutes(1);
  // Below this not even a small router's show crypto ipsec sa fits; above it one poll could take
  // most of a default heap.
  static final int MIN_OUTPUT_BYTES = 64 << 10;
  static final int MAX_OUTPUT_BYTES = 1 << 30;

  private ModuleValidator() {}

  static void validate(ConfigChecks checks, String name, @Nullable ModuleConfig module) {
    String path = "modules." + name;
    if (module == null) {
      checks.problem(path, "expected a mapping with ssh and/or snmp settings");
      return;
    }
    checks.requireDuration(
        path + ".ssh.command_timeout",
        module.ssh().commandTimeout(),
        ConfigChecks.MIN_POSITIVE,
        MAX_COMMAND_TIMEOUT);
    checks.requireDuration(
        path + ".ssh.connect_timeout",
        module.ssh().connectTimeout(),
        ConfigChecks.MIN_POSITIVE,
        MAX_CONNECT_TIMEOUT);
    checks.requireRange(
        path + ".ssh.max_output_bytes",
        module.ssh().maxOutputBytes(),
        MIN_OUTPUT_BYTES,
        MAX_OUTPUT_BYTES);
    ModuleConfig.SnmpModuleConfig snmp = module.snmp();
    checks.requireDuration(
        path + ".snmp.timeout", snmp.timeout(), ConfigChecks.MIN_POSITIVE, MAX_SNMP_TIMEOUT);
    checks.requireDuration(
        path + ".snmp.walk_timeout",
        snmp.walkTimeout(),
        ConfigChecks.MIN_POSITIVE,
        MAX_COMMAND_TIMEOUT);
    checks.requireRange(path + ".snmp.retries", snmp.retries(), 0, 10);
    checks.requireRange(path + ".snmp.max_repetitions", snmp.maxRepetitions(), 1, 100);
    checks.requireRange(path + ".snmp.max_rows_per_walk", snmp.maxRowsPerWalk(), 1, 10_000_000);
  }
}
