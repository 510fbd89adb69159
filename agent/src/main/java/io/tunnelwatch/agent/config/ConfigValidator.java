package io.tunnelwatch.agent.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Checks a decoded configuration for what the types alone cannot express. */
final class ConfigValidator {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final Pattern LISTEN = Pattern.compile("(\\[[0-9a-fA-F:]+]|[^:\\s]*):(\\d{1,5})");
  private static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
  private static final Duration MAX_RESEND = Duration.ofSeconds(150);

  private final Path baseDir;
  private final Function<String, String> environment;
  private final List<ConfigException.Problem> problems = new ArrayList<>();

  ConfigValidator(Path baseDir, Function<String, String> environment) {
    this.baseDir = baseDir;
    this.environment = environment;
  }

  ConfigValidator(Path baseDir) {
    this(baseDir, System::getenv);
  }

  List<ConfigException.Problem> validate(AgentConfig config) {
    validateListen(config.http().listen());
    config.auths().forEach(this::validateAuth);
    config.modules().forEach(this::validateModule);
    if (config.devices().isEmpty()) {
      problem("devices", "expected at least one device");
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < config.devices().size(); i++) {
      validateDevice("devices[" + i + "]", config.devices().get(i), config, names);
    }
    validateHistory(config.history());
    validateAlerting(config.alerting());
    return List.copyOf(problems);
  }

  private void validateHistory(HistoryConfig history) {
    if (history.stateDir() != null && history.jdbcUrl() != null) {
      problem("history", "expected state_dir or jdbc_url, not both");
    }
    if (history.stateDir() != null) {
      validateStateDir(history.stateDir());
    }
    if (history.jdbcUrl() != null
        && !history.jdbcUrl().startsWith("jdbc:sqlite:")
        && !history.jdbcUrl().startsWith("jdbc:postgresql:")) {
      // Never echo the URL: it may carry a password.
      problem("history.jdbc_url", "expected a URL starting with jdbc:sqlite: or jdbc:postgresql:");
    }
  }

  private void validateStateDir(String stateDir) {
    if (stateDir.isBlank()) {
      problem("history.state_dir", "expected a directory path");
      return;
    }
    Path dir = baseDir == null ? Path.of(stateDir) : baseDir.resolve(stateDir);
    // The agent creates the directory if needed: the nearest existing ancestor must take it.
    Path existing = dir.toAbsolutePath();
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null || !Files.isDirectory(existing) || !Files.isWritable(existing)) {
      problem(
          "history.state_dir",
          "expected a writable directory (or one that can be created), " + dir + " is not");
    }
  }

  private void validateAlerting(AlertingConfig alerting) {
    validateUrls("alerting.alertmanager", alerting.alertmanager());
    validateUrls("alerting.webhooks", alerting.webhooks());
    Duration resend = alerting.resendInterval();
    if (resend.compareTo(MIN_INTERVAL) < 0 || resend.compareTo(MAX_RESEND) > 0) {
      problem(
          "alerting.resend_interval",
          "expected 1s to "
              + DurationText.format(MAX_RESEND)
              + " (well inside Alertmanager's default resolve_timeout of 5m), got "
              + DurationText.format(resend));
    }
  }

  private void validateUrls(String path, List<String> urls) {
    for (int i = 0; i < urls.size(); i++) {
      String url = urls.get(i);
      java.net.URI uri = null;
      try {
        uri = url == null ? null : new java.net.URI(url);
      } catch (java.net.URISyntaxException e) {
        uri = null;
      }
      if (uri == null
          || uri.getHost() == null
          || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
        problem(path + "[" + i + "]", "expected an http:// or https:// URL with a host");
      }
    }
  }

  private void validateListen(String listen) {
    var m = LISTEN.matcher(listen);
    if (!m.matches() || Integer.parseInt(m.group(2)) > 65535) {
      problem("http.listen", "expected host:port such as 127.0.0.1:9417, got '" + listen + "'");
    }
  }

  private void validateAuth(String name, AuthConfig auth) {
    String path = "auths." + name;
    if (auth == null) {
      problem(path, "expected a mapping with username and one secret");
      return;
    }
    if (blank(auth.username())) {
      problem(path + ".username", "expected a user name");
    }
    int secrets = 0;
    secrets += auth.password() != null ? 1 : 0;
    secrets += auth.passwordEnv() != null ? 1 : 0;
    secrets += auth.passwordFile() != null ? 1 : 0;
    secrets += auth.privateKeyFile() != null ? 1 : 0;
    if (secrets != 1) {
      problem(
          path,
          "expected exactly one of password, password_env, password_file, private_key_file; found "
              + secrets);
    }
    if (auth.passwordEnv() != null && environment.apply(auth.passwordEnv()) == null) {
      problem(path + ".password_env", "environment variable " + auth.passwordEnv() + " is not set");
    }
    if (auth.passwordFile() != null) {
      requireReadable(path + ".password_file", auth.passwordFile());
    }
    if (auth.privateKeyFile() != null) {
      requireReadable(path + ".private_key_file", auth.privateKeyFile());
    }
    if (auth.passphraseEnv() != null) {
      if (auth.privateKeyFile() == null) {
        problem(path + ".passphrase_env", "only allowed together with private_key_file");
      } else if (environment.apply(auth.passphraseEnv()) == null) {
        problem(
            path + ".passphrase_env",
            "environment variable " + auth.passphraseEnv() + " is not set");
      }
    }
  }

  private void validateModule(String name, ModuleConfig module) {
    String path = "modules." + name;
    if (module == null || module.ssh() == null) {
      problem(path, "expected a mapping with an ssh section");
      return;
    }
    requirePositive(path + ".ssh.command_timeout", module.ssh().commandTimeout());
    requirePositive(path + ".ssh.connect_timeout", module.ssh().connectTimeout());
  }

  private void validateDevice(
      String path, DeviceConfig device, AgentConfig config, Set<String> names) {
    if (device == null) {
      problem(path, "expected a mapping");
      return;
    }
    if (device.name() == null || !NAME.matcher(device.name()).matches()) {
      problem(
          path + ".name",
          "expected a name of letters, digits, '.', '_' or '-' (up to 64), got '"
              + device.name()
              + "'");
    } else if (!names.add(device.name())) {
      problem(path + ".name", "duplicate device name '" + device.name() + "'");
    }
    if (blank(device.host())) {
      problem(path + ".host", "expected a host name or address");
    }
    if (device.interval().compareTo(MIN_INTERVAL) < 0) {
      problem(
          path + ".interval",
          "expected at least 1s, got " + DurationText.format(device.interval()));
    }
    if (device.module() == null || !config.modules().containsKey(device.module())) {
      problem(
          path + ".module",
          "expected one of the modules "
              + new TreeSet<>(config.modules().keySet())
              + ", got '"
              + device.module()
              + "'");
    }
    validateSsh(path + ".ssh", device.ssh(), config.auths());
  }

  private void validateSsh(
      String path, DeviceConfig.DeviceSshConfig ssh, Map<String, AuthConfig> auths) {
    if (ssh == null) {
      problem(path, "expected a mapping with auth and known_hosts");
      return;
    }
    if (ssh.port() < 1 || ssh.port() > 65535) {
      problem(path + ".port", "expected a port 1..65535, got " + ssh.port());
    }
    if (ssh.auth() == null || !auths.containsKey(ssh.auth())) {
      problem(
          path + ".auth",
          "expected one of the auths "
              + new TreeSet<>(auths.keySet())
              + ", got '"
              + ssh.auth()
              + "'");
    }
    if (blank(ssh.knownHosts())) {
      problem(path + ".known_hosts", "expected the path of an OpenSSH known_hosts file");
    } else if (!ssh.trustOnFirstUse()) {
      requireReadable(path + ".known_hosts", ssh.knownHosts());
    }
  }

  private void requireReadable(String path, String file) {
    Path resolved = baseDir == null ? Path.of(file) : baseDir.resolve(file);
    if (!Files.isReadable(resolved)) {
      problem(path, "expected a readable file, " + resolved + " is not");
    }
  }

  private void requirePositive(String path, Duration duration) {
    if (duration.isNegative() || duration.isZero()) {
      problem(path, "expected a positive duration");
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private void problem(String path, String message) {
    problems.add(new ConfigException.Problem(path, message));
  }
}
