package io.tunnelwatch.agent.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Makes the file paths of a configuration absolute, relative to the configuration file's folder, so
 * that the agent behaves the same whatever its working directory.
 */
final class PathResolver {

  private PathResolver() {}

  /**
   * @param baseDir the configuration file's folder; null when it has none, and paths stay as given
   */
  static AgentConfig resolve(AgentConfig config, @Nullable Path baseDir) {
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
                    d.withSsh(
                        d.ssh()
                            .map(
                                ssh ->
                                    new DeviceConfig.DeviceSshConfig(
                                        ssh.port(),
                                        ssh.auth(),
                                        resolve(baseDir, ssh.knownHosts()),
                                        ssh.trustOnFirstUse()))))
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
            config.history().stateDir().map(dir -> resolve(baseDir, dir)),
            config.history().jdbcUrl());
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
        config.polling(),
        config.cluster());
  }

  private static SnmpAuthConfig resolve(Path baseDir, SnmpAuthConfig snmp) {
    return snmp.withFiles(
        snmp.communityFile().map(f -> resolve(baseDir, f)),
        snmp.authPasswordFile().map(f -> resolve(baseDir, f)),
        snmp.privPasswordFile().map(f -> resolve(baseDir, f)));
  }

  private static String resolve(Path baseDir, String file) {
    return baseDir.resolve(file).toAbsolutePath().normalize().toString();
  }
}
