package io.tunnelwatch.agent.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes the file paths of a configuration absolute, relative to the configuration file's folder, so
 * that the agent behaves the same whatever its working directory.
 */
final class PathResolver {

  private PathResolver() {}

  static AgentConfig resolve(AgentConfig config, Path baseDir) {
    if (baseDir == null) {
      return config;
    }
    Map<String, AuthConfig> auths = new LinkedHashMap<>();
    config
        .auths()
        .forEach(
            (name, auth) ->
                auths.put(
                    name,
                    auth.withFiles(
                        auth.passwordFile().map(f -> resolve(baseDir, f)),
                        auth.privateKeyFile().map(f -> resolve(baseDir, f)),
                        auth.snmp().map(s -> resolve(baseDir, s)))));
    List<DeviceConfig> devices =
        config.devices().stream()
            .map(
                d ->
                    new DeviceConfig(
                        d.name(),
                        d.host(),
                        d.module(),
                        d.interval(),
                        d.ssh() == null
                            ? null
                            : new DeviceConfig.DeviceSshConfig(
                                d.ssh().port(),
                                d.ssh().auth(),
                                resolve(baseDir, d.ssh().knownHosts()),
                                d.ssh().trustOnFirstUse()),
                        d.snmp(),
                        d.events()))
            .toList();
    List<ReportScheduleConfig> reports =
        config.reports().stream()
            .map(
                r ->
                    new ReportScheduleConfig(
                        r.name(),
                        r.cron(),
                        r.period(),
                        r.format(),
                        resolve(baseDir, r.directory()),
                        r.keep()))
            .toList();
    HistoryConfig history =
        new HistoryConfig(
            resolve(baseDir, config.history().stateDir()), config.history().jdbcUrl());
    return new AgentConfig(
        config.http(),
        auths,
        config.modules(),
        devices,
        config.events(),
        history,
        config.alerting(),
        config.traps(),
        reports,
        config.polling());
  }

  private static SnmpAuthConfig resolve(Path baseDir, SnmpAuthConfig snmp) {
    return new SnmpAuthConfig(
        snmp.version(),
        snmp.community(),
        snmp.communityEnv(),
        resolve(baseDir, snmp.communityFile()),
        snmp.username(),
        snmp.authProtocol(),
        snmp.authPassword(),
        snmp.authPasswordEnv(),
        resolve(baseDir, snmp.authPasswordFile()),
        snmp.privProtocol(),
        snmp.privPassword(),
        snmp.privPasswordEnv(),
        resolve(baseDir, snmp.privPasswordFile()));
  }

  private static String resolve(Path baseDir, String file) {
    return file == null ? null : baseDir.resolve(file).toAbsolutePath().normalize().toString();
  }
}
