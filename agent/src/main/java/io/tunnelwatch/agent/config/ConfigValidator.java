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
    Set<String> reportNames = new HashSet<>();
    for (int i = 0; i < config.reports().size(); i++) {
      validateReport("reports[" + i + "]", config.reports().get(i), reportNames);
    }
    return List.copyOf(problems);
  }

  private static final Set<String> REPORT_PERIODS =
      Set.of("previous_day", "previous_week", "previous_month");
  private static final Set<String> REPORT_FORMATS = Set.of("html", "csv", "json");

  private void validateReport(String path, ReportScheduleConfig report, Set<String> names) {
    if (report == null) {
      problem(path, "expected a mapping with name, cron, period and directory");
      return;
    }
    if (report.name() == null || !NAME.matcher(report.name()).matches()) {
      problem(
          path + ".name",
          "expected a name of letters, digits, '.', '_' or '-' (up to 64), got '"
              + report.name()
              + "'");
    } else if (!names.add(report.name())) {
      problem(path + ".name", "duplicate report name '" + report.name() + "'");
    }
    if (report.cron() == null) {
      problem(path + ".cron", "expected a Quartz cron expression such as '0 0 6 * * ?'");
    } else {
      try {
        new org.quartz.CronExpression(report.cron());
      } catch (java.text.ParseException e) {
        problem(
            path + ".cron",
            "expected a Quartz cron expression (seconds minutes hours day-of-month month"
                + " day-of-week) such as '0 0 6 * * ?', got '"
                + report.cron()
                + "': "
                + e.getMessage());
      }
    }
    if (report.period() == null || !REPORT_PERIODS.contains(report.period())) {
      problem(
          path + ".period",
          "expected one of " + new TreeSet<>(REPORT_PERIODS) + ", got '" + report.period() + "'");
    }
    if (!REPORT_FORMATS.contains(report.format())) {
      problem(
          path + ".format",
          "expected one of " + new TreeSet<>(REPORT_FORMATS) + ", got '" + report.format() + "'");
    }
    if (blank(report.directory())) {
      problem(path + ".directory", "expected the folder the reports are written to");
    }
    if (report.keep() < 1) {
      problem(path + ".keep", "expected at least 1, got " + report.keep());
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
