package io.tunnelwatch.agent.config;

import java.util.Set;

/** The addresses the agent listens on: {@code http.listen} and the {@code traps} receiver. */
final class ListenValidator {

  private ListenValidator() {}

  static void validate(ConfigChecks checks, AgentConfig config) {
    String listen = config.http().listen();
    if (!ConfigChecks.isListenAddress(listen)) {
      checks.problem(
          "http.listen", "expected host:port such as 127.0.0.1:9417, got " + Shown.quoted(listen));
    }
    validateTraps(checks, config);
  }

  // Far above what any fleet sends; the bound only catches a typo.
  private static final int MAX_TRAP_RATE = 100_000;

  private static void validateTraps(ConfigChecks checks, AgentConfig config) {
    TrapsConfig traps = config.traps();
    if (traps.listen().isEmpty()) {
      if (!traps.auths().isEmpty()) {
        checks.problem(
            "traps.listen", "expected host:port such as 0.0.0.0:162 for the trap receiver");
      }
      return;
    }
    String listen = traps.listen().get();
    if (!ConfigChecks.isListenAddress(listen)) {
      checks.problem(
          "traps.listen", "expected host:port such as 0.0.0.0:162, got " + Shown.quoted(listen));
    }
    if (traps.auths().isEmpty()) {
      checks.problem(
          "traps.auths", "expected the names of the SNMP auths whose traps are accepted");
    }
    checks.requireRange("traps.per_device_rate", traps.perDeviceRate(), 1, MAX_TRAP_RATE);
    checks.requireRange("traps.rate", traps.rate(), 1, MAX_TRAP_RATE);
    Set<String> snmpAuths = ConfigChecks.authNames(config.auths(), true);
    for (int i = 0; i < traps.auths().size(); i++) {
      if (!snmpAuths.contains(traps.auths().get(i))) {
        checks.problem(
            "traps.auths[" + i + "]",
            "expected one of the auths with an snmp block "
                + snmpAuths
                + ", got "
                + Shown.quoted(traps.auths().get(i)));
      }
    }
  }
}
