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
                    new AuthConfig(
                        auth.username(),
                        auth.password(),
                        auth.passwordEnv(),
                        resolve(baseDir, auth.passwordFile()),
                        resolve(baseDir, auth.privateKeyFile()),
                        auth.passphraseEnv())));
    List<DeviceConfig> devices =
        config.devices().stream()
            .map(
                d ->
                    new DeviceConfig(
                        d.name(),
                        d.host(),
                        d.module(),
                        d.interval(),
                        new DeviceConfig.DeviceSshConfig(
                            d.ssh().port(),
                            d.ssh().auth(),
                            resolve(baseDir, d.ssh().knownHosts()),
                            d.ssh().trustOnFirstUse())))
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
    return new AgentConfig(config.http(), auths, config.modules(), devices, reports);
  }

  private static String resolve(Path baseDir, String file) {
    return file == null ? null : baseDir.resolve(file).toAbsolutePath().normalize().toString();
  }
}
