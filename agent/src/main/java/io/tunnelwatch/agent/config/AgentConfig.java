package io.tunnelwatch.agent.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole agent configuration as decoded from YAML. Decoding is strict: an unknown key is an
 * error naming its path. See docs/configuration.md.
 *
 * @param http where the agent serves metrics and its status page
 * @param auths named credentials, referenced by devices
 * @param modules named collection settings, referenced by devices
 * @param devices the routers to poll
 * @param events how events are judged, for every device (a device may override each key)
 * @param history where events and history are kept; absent keeps none
 * @param alerting where alerts and events are sent
 * @param traps the SNMP trap receiver; absent receives none
 * @param reports stability reports written on a schedule
 * @param polling how polls are scheduled (workers, confirmation delay)
 * @param cluster the other agents this one shares the devices with; absent runs alone
 */
public record AgentConfig(
    HttpConfig http,
    Map<String, AuthConfig> auths,
    Map<String, ModuleConfig> modules,
    List<DeviceConfig> devices,
    EventsConfig events,
    HistoryConfig history,
    AlertingConfig alerting,
    TrapsConfig traps,
    List<ReportScheduleConfig> reports,
    PollingConfig polling,
    ClusterConfig cluster) {

  // Jackson passes null for a section the YAML leaves out: its defaults, resolved here.
  public AgentConfig {
    http = Objects.requireNonNullElse(http, HttpConfig.DEFAULT);
    auths = auths == null ? Map.of() : Map.copyOf(auths);
    modules = modules == null ? Map.of() : Map.copyOf(modules);
    devices = devices == null ? List.of() : List.copyOf(devices);
    events = Objects.requireNonNullElse(events, EventsConfig.NONE);
    history = Objects.requireNonNullElse(history, HistoryConfig.NONE);
    alerting = Objects.requireNonNullElse(alerting, AlertingConfig.NONE);
    traps = Objects.requireNonNullElse(traps, TrapsConfig.NONE);
    reports = reports == null ? List.of() : List.copyOf(reports);
    polling = Objects.requireNonNullElse(polling, PollingConfig.DEFAULTS);
    cluster = Objects.requireNonNullElse(cluster, ClusterConfig.NONE);
  }

  /** Devices and how to reach them, everything else at its default. */
  public AgentConfig(
      HttpConfig http,
      Map<String, AuthConfig> auths,
      Map<String, ModuleConfig> modules,
      List<DeviceConfig> devices) {
    this(
        http,
        auths,
        modules,
        devices,
        EventsConfig.NONE,
        HistoryConfig.NONE,
        AlertingConfig.NONE,
        TrapsConfig.NONE,
        List.of(),
        PollingConfig.DEFAULTS,
        ClusterConfig.NONE);
  }

  /** Without traps and report schedules. */
  public AgentConfig(
      HttpConfig http,
      Map<String, AuthConfig> auths,
      Map<String, ModuleConfig> modules,
      List<DeviceConfig> devices,
      EventsConfig events,
      HistoryConfig history,
      AlertingConfig alerting) {
    this(
        http,
        auths,
        modules,
        devices,
        events,
        history,
        alerting,
        TrapsConfig.NONE,
        List.of(),
        PollingConfig.DEFAULTS,
        ClusterConfig.NONE);
  }

  /**
   * The credentials named {@code name}; validation has made sure every reference names one.
   *
   * @throws IllegalArgumentException when there are none of that name
   */
  public AuthConfig auth(String name) {
    AuthConfig auth = auths.get(name);
    if (auth == null) {
      throw new IllegalArgumentException("no auth named '" + name + "'");
    }
    return auth;
  }

  /**
   * The module named {@code name}; validation has made sure every device names one.
   *
   * @throws IllegalArgumentException when there is none of that name
   */
  public ModuleConfig module(String name) {
    ModuleConfig module = modules.get(name);
    if (module == null) {
      throw new IllegalArgumentException("no module named '" + name + "'");
    }
    return module;
  }

  /** The device named {@code name}, if the configuration has one. */
  public Optional<DeviceConfig> device(String name) {
    return devices.stream().filter(d -> d.name().equals(name)).findFirst();
  }

  /** The same configuration with another trap receiver setting. */
  public AgentConfig withTraps(TrapsConfig newTraps) {
    return new AgentConfig(
        http, auths, modules, devices, events, history, alerting, newTraps, reports, polling,
        cluster);
  }

  /** The same configuration with another HTTP setting (e.g. from {@code --listen}). */
  public AgentConfig withHttp(HttpConfig newHttp) {
    return new AgentConfig(
        newHttp, auths, modules, devices, events, history, alerting, traps, reports, polling,
        cluster);
  }

  /** The same configuration with another history setting (e.g. from {@code --state-dir}). */
  public AgentConfig withHistory(HistoryConfig newHistory) {
    return new AgentConfig(
        http,
        auths,
        modules,
        devices,
        events,
        newHistory,
        alerting,
        traps,
        reports,
        polling,
        cluster);
  }

  /** The same configuration with another alerting setting (e.g. from {@code --alertmanager}). */
  public AgentConfig withAlerting(AlertingConfig newAlerting) {
    return new AgentConfig(
        http,
        auths,
        modules,
        devices,
        events,
        history,
        newAlerting,
        traps,
        reports,
        polling,
        cluster);
  }

  /** The same configuration with other polling settings. */
  public AgentConfig withPolling(PollingConfig newPolling) {
    return new AgentConfig(
        http,
        auths,
        modules,
        devices,
        events,
        history,
        alerting,
        traps,
        reports,
        newPolling,
        cluster);
  }

  /** The same configuration with other report schedules. */
  public AgentConfig withReports(List<ReportScheduleConfig> newReports) {
    return new AgentConfig(
        http,
        auths,
        modules,
        devices,
        events,
        history,
        alerting,
        traps,
        newReports,
        polling,
        cluster);
  }

  /** The same configuration in another cluster setting. */
  public AgentConfig withCluster(ClusterConfig newCluster) {
    return new AgentConfig(
        http,
        auths,
        modules,
        devices,
        events,
        history,
        alerting,
        traps,
        reports,
        polling,
        newCluster);
  }
}
