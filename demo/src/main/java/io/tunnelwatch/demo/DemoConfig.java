package io.tunnelwatch.demo;

import io.tunnelwatch.agent.config.AgentConfig;
import io.tunnelwatch.agent.config.AuthConfig;
import io.tunnelwatch.agent.config.DeviceConfig;
import io.tunnelwatch.agent.config.HttpConfig;
import io.tunnelwatch.agent.config.ModuleConfig;
import io.tunnelwatch.agent.config.Secret;
import io.tunnelwatch.agent.config.SnmpAuthConfig;
import io.tunnelwatch.agent.config.TrapsConfig;
import io.tunnelwatch.lab.LabRouter;
import io.tunnelwatch.lab.RunningLab;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The embedded configuration of {@code demo}: the agent polling the lab's routers with strict host
 * keys, from a known_hosts file written from the lab's own keys.
 */
public final class DemoConfig {

  public static final String AUTH = "lab";
  public static final String MODULE = "ipsec_gre";
  public static final String SNMP_AUTH = "lab-snmp";

  private DemoConfig() {}

  /**
   * Builds the configuration and writes the known_hosts file it refers to.
   *
   * @param password the lab's password (generated per run; the demo is the only holder)
   */
  public static AgentConfig forLab(
      RunningLab lab, String username, String password, String listen, Duration interval, Path dir)
      throws IOException {
    Path knownHosts = dir.resolve("known_hosts");
    StringBuilder lines = new StringBuilder();
    for (LabRouter router : lab.routers()) {
      lines.append(router.knownHostsLine()).append('\n');
    }
    Files.writeString(knownHosts, lines);
    List<DeviceConfig> devices =
        lab.routers().stream()
            .map(
                router ->
                    new DeviceConfig(
                        router.name(),
                        router.sshHost(),
                        MODULE,
                        interval,
                        new DeviceConfig.DeviceSshConfig(
                            router.sshPort(), AUTH, knownHosts.toString(), false)))
            .toList();
    return new AgentConfig(
        new HttpConfig(listen),
        Map.of(AUTH, AuthConfig.ofPassword(username, Secret.of(password))),
        Map.of(MODULE, ModuleConfig.DEFAULTS),
        devices);
  }

  /**
   * The demo's configuration: {@link #forLab} plus each router's SNMP face (v2c with the lab's
   * community) and a trap receiver that the lab's routers send their notifications to.
   *
   * @param trapListen where the agent receives traps, e.g. {@code 127.0.0.1:16200}
   */
  public static AgentConfig forLabWithSnmp(
      RunningLab lab,
      String username,
      String password,
      String community,
      String listen,
      String trapListen,
      Duration interval,
      Path dir)
      throws IOException {
    AgentConfig ssh = forLab(lab, username, password, listen, interval, dir);
    Map<String, AuthConfig> auths = new java.util.HashMap<>(ssh.auths());
    auths.put(SNMP_AUTH, AuthConfig.ofSnmp(SnmpAuthConfig.v2c(Secret.of(community))));
    List<DeviceConfig> devices =
        ssh.devices().stream()
            .map(
                d ->
                    lab.router(d.name())
                        .snmpAddress()
                        .map(
                            a ->
                                d.withSnmp(
                                    new DeviceConfig.DeviceSnmpConfig(
                                        a.getPort(), SNMP_AUTH, a.getAddress().getHostAddress())))
                        .orElse(d))
            .toList();
    return new AgentConfig(ssh.http(), auths, ssh.modules(), devices)
        .withTraps(new TrapsConfig(trapListen, List.of(SNMP_AUTH)));
  }
}
