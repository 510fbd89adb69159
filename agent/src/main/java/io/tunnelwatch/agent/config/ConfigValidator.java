package io.tunnelwatch.agent.config;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Checks a decoded configuration for what the types alone cannot express, section by section (one
 * validator per section, sharing {@link ConfigChecks}).
 */
final class ConfigValidator {

  private final @Nullable Path baseDir;
  private final Function<String, @Nullable String> environment;

  ConfigValidator(@Nullable Path baseDir, Function<String, @Nullable String> environment) {
    this.baseDir = baseDir;
    this.environment = environment;
  }

  /** What validation found: problems refuse the configuration, warnings do not. */
  record Findings(List<ConfigException.Problem> problems, List<ConfigException.Problem> warnings) {}

  /**
   * @param clusterGiven whether the file has a {@code cluster} mapping: the decoded section cannot
   *     tell one left empty from one left out
   */
  Findings validate(AgentConfig config, boolean clusterGiven) {
    ConfigChecks checks = new ConfigChecks(baseDir, environment);
    ListenValidator.validate(checks, config);
    AuthValidator auths = new AuthValidator(checks);
    config.auths().forEach(auths::validate);
    config.modules().forEach((name, module) -> ModuleValidator.validate(checks, name, module));
    EventsValidator.validate(checks, "events", config.events(), false);
    if (config.devices().isEmpty()) {
      checks.problem("devices", "expected at least one device");
    }
    DeviceValidator devices = new DeviceValidator(checks, config);
    for (int i = 0; i < config.devices().size(); i++) {
      devices.validate("devices[" + i + "]", config.devices().get(i));
    }
    HistoryAlertingValidator.validate(checks, config.history(), config.alerting());
    PollingValidator.validate(checks, config.polling());
    ClusterValidator.validate(checks, config.cluster(), clusterGiven, config.history());
    Set<String> reportNames = new HashSet<>();
    for (int i = 0; i < config.reports().size(); i++) {
      ReportValidator.validate(checks, "reports[" + i + "]", config.reports().get(i), reportNames);
    }
    return new Findings(checks.problems(), checks.warnings());
  }
}
