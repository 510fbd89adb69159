package io.tunnelwatch.agent.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The whole agent configuration as decoded from YAML. Decoding is strict: an unknown key is an
 * error naming its path. See docs/configuration.md.
 *
 * @param http where the agent serves metrics and its status page
 * @param auths named credentials, referenced by devices
 * @param modules named collection settings, referenced by devices
 * @param devices the routers to poll
 * @param reports stability reports written on a schedule
 */
public record AgentConfig(
    HttpConfig http,
    Map<String, AuthConfig> auths,
    Map<String, ModuleConfig> modules,
    List<DeviceConfig> devices,
    List<ReportScheduleConfig> reports) {

  public AgentConfig {
    http = Objects.requireNonNullElse(http, HttpConfig.DEFAULT);
    auths = auths == null ? Map.of() : Map.copyOf(auths);
    modules = modules == null ? Map.of() : Map.copyOf(modules);
    devices = devices == null ? List.of() : List.copyOf(devices);
    reports = reports == null ? List.of() : List.copyOf(reports);
  }

  /** A configuration without report schedules. */
  public AgentConfig(
      HttpConfig http,
      Map<String, AuthConfig> auths,
      Map<String, ModuleConfig> modules,
      List<DeviceConfig> devices) {
    this(http, auths, modules, devices, List.of());
  }
}
