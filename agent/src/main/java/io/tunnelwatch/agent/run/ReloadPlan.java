package io.tunnelwatch.agent.run;

import static java.util.stream.Collectors.toSet;

import io.tunnelwatch.agent.config.AgentConfig;
import io.tunnelwatch.agent.config.AuthConfig;
import io.tunnelwatch.agent.config.DeviceConfig;
import io.tunnelwatch.agent.config.ModuleConfig;
import io.tunnelwatch.agent.config.PollingConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What reloading the configuration changes: the devices to start, stop, reconnect or leave alone,
 * and the settings that only a restart can change, which {@link #next} keeps as they run.
 *
 * @param added devices to start polling, in the order of the new file
 * @param removed names of the devices to stop polling and forget
 * @param changed devices to reconnect with their new settings, in the order of the new file
 * @param unchanged names of the devices whose sessions and state are kept
 * @param needRestart key paths changed in the file that take effect only after a restart
 * @param next the configuration to run from now on: the new file but for {@code needRestart}
 */
public record ReloadPlan(
    List<DeviceConfig> added,
    List<String> removed,
    List<DeviceConfig> changed,
    List<String> unchanged,
    List<String> needRestart,
    AgentConfig next) {

  public ReloadPlan {
    added = List.copyOf(added);
    removed = List.copyOf(removed);
    changed = List.copyOf(changed);
    unchanged = List.copyOf(unchanged);
    needRestart = List.copyOf(needRestart);
  }

  /** The plan that takes an agent running {@code running} to the configuration {@code loaded}. */
  public static ReloadPlan between(AgentConfig running, AgentConfig loaded) {
    List<String> needRestart = new ArrayList<>();
    AgentConfig next = keepRestartOnly(running, loaded, needRestart);
    Map<String, DeviceConfig> before = byName(running.devices());
    Map<String, DeviceConfig> after = byName(next.devices());
    List<DeviceConfig> added = new ArrayList<>();
    List<DeviceConfig> changed = new ArrayList<>();
    for (DeviceConfig device : after.values()) {
      DeviceConfig old = before.get(device.name());
      if (old == null) {
        added.add(device);
      } else if (!connection(running, old).equals(connection(next, device))) {
        changed.add(device);
      }
    }
    Set<String> changedNames = changed.stream().map(DeviceConfig::name).collect(toSet());
    List<String> removed = new ArrayList<>();
    List<String> unchanged = new ArrayList<>();
    for (String name : before.keySet()) {
      if (!after.containsKey(name)) {
        removed.add(name);
      } else if (!changedNames.contains(name)) {
        unchanged.add(name);
      }
    }
    return new ReloadPlan(added, removed, changed, unchanged, needRestart, next);
  }

  /** Nothing to start, stop or reconnect. */
  public boolean devicesUnchanged() {
    return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
  }

  /**
   * The new configuration with the running values of what is opened once at start: the listening
   * socket, the history store, the worker pool, the SNMP socket's request window, the trap receiver
   * (with the credentials it accepts), the alert senders, the report schedules and the cluster
   * membership.
   */
  private static AgentConfig keepRestartOnly(
      AgentConfig running, AgentConfig loaded, List<String> needRestart) {
    AgentConfig next = loaded;
    if (!running.http().equals(loaded.http())) {
      needRestart.add("http.listen");
      next = next.withHttp(running.http());
    }
    if (!running.history().equals(loaded.history())) {
      needRestart.add("history");
      next = next.withHistory(running.history());
    }
    PollingConfig was = running.polling();
    PollingConfig is = loaded.polling();
    if (!was.workers().equals(is.workers())) {
      needRestart.add("polling.workers");
    }
    if (!was.maxConcurrentRequests().equals(is.maxConcurrentRequests())) {
      needRestart.add("polling.max_concurrent_requests");
    }
    if (!was.maxPollsInFlight().equals(is.maxPollsInFlight())) {
      needRestart.add("polling.max_polls_in_flight");
    }
    next =
        next.withPolling(
            new PollingConfig(
                was.workers(),
                is.confirmationDelay(),
                was.maxConcurrentRequests(),
                was.maxPollsInFlight()));
    if (!running.traps().equals(loaded.traps()) || trapAuthsChanged(running, loaded)) {
      needRestart.add("traps");
      next = next.withTraps(running.traps());
    }
    if (!running.alerting().equals(loaded.alerting())) {
      needRestart.add("alerting");
      next = next.withAlerting(running.alerting());
    }
    if (!running.reports().equals(loaded.reports())) {
      needRestart.add("reports");
      next = next.withReports(running.reports());
    }
    if (!running.cluster().equals(loaded.cluster())) {
      needRestart.add("cluster");
      next = next.withCluster(running.cluster());
    }
    return next;
  }

  /** The trap receiver resolved the credentials of its auths at start. */
  private static boolean trapAuthsChanged(AgentConfig running, AgentConfig loaded) {
    return running.traps().auths().stream()
        .anyMatch(name -> !Objects.equals(running.auths().get(name), loaded.auths().get(name)));
  }

  /**
   * Everything a device's sessions and polls are made from: its own entry, the credentials it names
   * and its module. Secrets named by {@code *_env} or {@code *_file} keys are compared by name:
   * their values are read at each connection anyway.
   */
  private record Connection(
      DeviceConfig device,
      Optional<AuthConfig> sshAuth,
      Optional<AuthConfig> snmpAuth,
      Optional<ModuleConfig> module) {}

  private static Connection connection(AgentConfig config, DeviceConfig device) {
    return new Connection(
        device,
        device.ssh().map(ssh -> config.auths().get(ssh.auth())),
        device.snmp().map(snmp -> config.auths().get(snmp.auth())),
        Optional.ofNullable(config.modules().get(device.module())));
  }

  private static Map<String, DeviceConfig> byName(List<DeviceConfig> devices) {
    Map<String, DeviceConfig> byName = new LinkedHashMap<>();
    devices.forEach(d -> byName.put(d.name(), d));
    return byName;
  }
}
