package io.tunnelwatch.agent.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Checks a decoded configuration for what the types alone cannot express. */
final class ConfigValidator {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final Pattern LISTEN = Pattern.compile("(\\[[0-9a-fA-F:]+]|[^:\\s]*):(\\d{1,5})");
  private static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
  private static final Set<String> SNMP_VERSIONS = Set.of("2c", "3");
  private static final Set<String> AUTH_PROTOCOLS =
      new TreeSet<>(Set.of("MD5", "SHA", "SHA224", "SHA256", "SHA384", "SHA512"));
  private static final Set<String> PRIV_PROTOCOLS =
      new TreeSet<>(Set.of("DES", "AES128", "AES192", "AES256", "AES192_CISCO", "AES256_CISCO"));
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
    validateTraps(config.traps(), config.auths());
    config.auths().forEach(this::validateAuth);
    config.modules().forEach(this::validateModule);
    validateEvents("events", config.events(), false);
    if (config.devices().isEmpty()) {
      problem("devices", "expected at least one device");
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < config.devices().size(); i++) {
      validateDevice("devices[" + i + "]", config.devices().get(i), config, names);
    }
    validateHistory(config.history());
    validateAlerting(config.alerting());
    Set<String> reportNames = new HashSet<>();
    for (int i = 0; i < config.reports().size(); i++) {
      validateReport("reports[" + i + "]", config.reports().get(i), reportNames);
    }

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

  private void validateTraps(TrapsConfig traps, Map<String, AuthConfig> auths) {
    if (!traps.enabled()) {
      if (!traps.auths().isEmpty()) {
        problem("traps.listen", "expected host:port such as 0.0.0.0:162 for the trap receiver");
      }
      return;
    }
    var m = LISTEN.matcher(traps.listen());
    if (!m.matches() || Integer.parseInt(m.group(2)) > 65535) {
      problem(
          "traps.listen", "expected host:port such as 0.0.0.0:162, got '" + traps.listen() + "'");
    }
    if (traps.auths().isEmpty()) {
      problem("traps.auths", "expected the names of the SNMP auths whose traps are accepted");
    }
    Set<String> snmpAuths = authNames(auths, true);
    for (int i = 0; i < traps.auths().size(); i++) {
      if (!snmpAuths.contains(traps.auths().get(i))) {
        problem(
            "traps.auths[" + i + "]",
            "expected one of the auths with an snmp block "
                + snmpAuths
                + ", got '"
                + traps.auths().get(i)
                + "'");
      }
    }
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
      problem(path, "expected a mapping with username and one secret, or an snmp block");
      return;
    }
    if (auth.isSnmp()) {
      validateSnmpAuth(path, auth);
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
    requireEnv(path + ".password_env", auth.passwordEnv());
    if (auth.passwordFile() != null) {
      requireReadable(path + ".password_file", auth.passwordFile());
    }
    if (auth.privateKeyFile() != null) {
      requireReadable(path + ".private_key_file", auth.privateKeyFile());
    }
    if (auth.passphraseEnv() != null) {
      if (auth.privateKeyFile() == null) {
        problem(path + ".passphrase_env", "only allowed together with private_key_file");
      } else {
        requireEnv(path + ".passphrase_env", auth.passphraseEnv());
      }
    }
  }

  private void validateSnmpAuth(String path, AuthConfig auth) {
    if (auth.username() != null
        || auth.password() != null
        || auth.passwordEnv() != null
        || auth.passwordFile() != null
        || auth.privateKeyFile() != null
        || auth.passphraseEnv() != null) {
      problem(
          path,
          "expected either SSH keys (username, password...) or an snmp block, not both; use two"
              + " auths");
    }
    SnmpAuthConfig snmp = auth.snmp();
    String snmpPath = path + ".snmp";
    if (!SNMP_VERSIONS.contains(snmp.version())) {
      problem(snmpPath + ".version", "expected 2c or 3, got '" + snmp.version() + "'");
      return;
    }
    if (!snmp.isV3()) {
      oneSecret(snmpPath, "community", snmp.community(), snmp.communityEnv(), snmp.communityFile());
      if (snmp.username() != null || snmp.authProtocol() != null || snmp.privProtocol() != null) {
        problem(snmpPath, "username, auth_protocol and priv_protocol need version: 3");
      }
      return;
    }
    if (snmp.community() != null || snmp.communityEnv() != null || snmp.communityFile() != null) {
      problem(snmpPath, "a community is only used with version: 2c");
    }
    if (blank(snmp.username())) {
      problem(snmpPath + ".username", "expected the USM user name");
    }
    boolean hasAuth = snmp.authProtocol() != null;
    if (hasAuth && !AUTH_PROTOCOLS.contains(snmp.authProtocol())) {
      problem(
          snmpPath + ".auth_protocol",
          "expected one of " + AUTH_PROTOCOLS + ", got '" + snmp.authProtocol() + "'");
    }
    if (hasAuth) {
      oneSecret(
          snmpPath,
          "auth_password",
          snmp.authPassword(),
          snmp.authPasswordEnv(),
          snmp.authPasswordFile());
    } else if (snmp.authPassword() != null
        || snmp.authPasswordEnv() != null
        || snmp.authPasswordFile() != null) {
      problem(snmpPath + ".auth_protocol", "expected an auth protocol for the auth password");
    }
    if (snmp.privProtocol() == null) {
      if (snmp.privPassword() != null
          || snmp.privPasswordEnv() != null
          || snmp.privPasswordFile() != null) {
        problem(snmpPath + ".priv_protocol", "expected a privacy protocol for the priv password");
      }
      return;
    }
    if (!hasAuth) {
      problem(snmpPath + ".priv_protocol", "privacy needs authentication: set auth_protocol");
    }
    if (!PRIV_PROTOCOLS.contains(snmp.privProtocol())) {
      problem(
          snmpPath + ".priv_protocol",
          "expected one of " + PRIV_PROTOCOLS + ", got '" + snmp.privProtocol() + "'");
    }
    oneSecret(
        snmpPath,
        "priv_password",
        snmp.privPassword(),
        snmp.privPasswordEnv(),
        snmp.privPasswordFile());
  }

  private void oneSecret(String path, String key, Secret inline, String env, String file) {
    int given = (inline != null ? 1 : 0) + (env != null ? 1 : 0) + (file != null ? 1 : 0);
    if (given != 1) {
      problem(
          path,
          "expected exactly one of " + key + ", " + key + "_env, " + key + "_file; found " + given);
    }
    requireEnv(path + "." + key + "_env", env);
    if (file != null) {
      requireReadable(path + "." + key + "_file", file);
    }
  }

  private void requireEnv(String path, String variable) {
    if (variable != null && environment.apply(variable) == null) {
      problem(path, "environment variable " + variable + " is not set");
    }
  }

  private void validateModule(String name, ModuleConfig module) {
    String path = "modules." + name;
    if (module == null) {
      problem(path, "expected a mapping with ssh and/or snmp settings");
      return;
    }
    requirePositive(path + ".ssh.command_timeout", module.ssh().commandTimeout());
    requirePositive(path + ".ssh.connect_timeout", module.ssh().connectTimeout());
    ModuleConfig.SnmpModuleConfig snmp = module.snmp();
    requirePositive(path + ".snmp.timeout", snmp.timeout());
    requirePositive(path + ".snmp.walk_timeout", snmp.walkTimeout());
    requireRange(path + ".snmp.retries", snmp.retries(), 0, 10);
    if (snmp.timeout().toMillis() > 60_000) {
      problem(path + ".snmp.timeout", "expected at most 1m per request");
    }
    requireRange(path + ".snmp.max_repetitions", snmp.maxRepetitions(), 1, 100);
    requireRange(path + ".snmp.max_rows_per_walk", snmp.maxRowsPerWalk(), 1, 10_000_000);
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
    if (device.ssh() == null && device.snmp() == null) {
      problem(path, "expected an ssh or an snmp section (or both)");
    }
    if (device.ssh() != null) {
      validateSsh(path + ".ssh", device.ssh(), config.auths());
    }
    if (device.snmp() != null) {
      validateSnmp(path + ".snmp", device.snmp(), config.auths());
    }
    validateEvents(path + ".events", device.events(), true);
  }

  private void validateSnmp(
      String path, DeviceConfig.DeviceSnmpConfig snmp, Map<String, AuthConfig> auths) {
    requireRange(path + ".port", snmp.port(), 1, 65535);
    if (snmp.host() != null && snmp.host().isBlank()) {
      problem(path + ".host", "expected the SNMP agent's address, or no host key at all");
    }
    Set<String> snmpAuths = authNames(auths, true);
    if (snmp.auth() == null || !snmpAuths.contains(snmp.auth())) {
      problem(
          path + ".auth",
          "expected one of the auths with an snmp block "
              + snmpAuths
              + ", got '"
              + snmp.auth()
              + "'");
    }
  }

  private void validateEvents(String path, EventsConfig events, boolean perDevice) {
    atLeastOne(path + ".unreachable_after_polls", events.unreachableAfterPolls());
    atLeastOne(path + ".negotiation_failure_polls", events.negotiationFailurePolls());
    atLeastOne(path + ".storm_rekeys", events.stormRekeys());
    positiveIfSet(path + ".traffic_window", events.trafficWindow());
    positiveIfSet(path + ".storm_window", events.stormWindow());
    positiveIfSet(path + ".ike_lifetime", events.ikeLifetime());
    positiveIfSet(path + ".ipsec_lifetime", events.ipsecLifetime());
    positiveIfSet(path + ".cpu_window", events.cpuWindow());
    events
        .cpuThreshold()
        .filter(cpu -> !(cpu > 0.0 && cpu <= 1.0))
        .ifPresent(
            cpu ->
                problem(
                    path + ".cpu_threshold",
                    "expected a ratio above 0 and at most 1 (0.9 means 90%), got " + cpu));
    names(path + ".expected_tunnels", events.expectedTunnels(), perDevice);
    names(path + ".expected_peers", events.expectedPeers(), perDevice);
  }

  private void names(String path, Optional<List<String>> given, boolean allowed) {
    if (given.isEmpty()) {
      return;
    }
    List<String> names = given.get();
    if (!allowed) {
      problem(path, "only allowed under a device (devices[N].events)");
      return;
    }
    for (int i = 0; i < names.size(); i++) {
      if (blank(names.get(i))) {
        problem(path + "[" + i + "]", "expected a non-empty name");
      }
    }
  }

  private void atLeastOne(String path, Optional<Integer> value) {
    value
        .filter(v -> v < 1)
        .ifPresent(v -> problem(path, "expected a whole number of at least 1, got " + v));
  }

  private void positiveIfSet(String path, Optional<Duration> duration) {
    duration.ifPresent(d -> requirePositive(path, d));
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
    Set<String> sshAuths = authNames(auths, false);
    if (ssh.auth() == null || !sshAuths.contains(ssh.auth())) {
      problem(
          path + ".auth",
          "expected one of the SSH auths " + sshAuths + ", got '" + ssh.auth() + "'");
    }
    if (blank(ssh.knownHosts())) {
      problem(path + ".known_hosts", "expected the path of an OpenSSH known_hosts file");
    } else if (!ssh.trustOnFirstUse()) {
      requireReadable(path + ".known_hosts", ssh.knownHosts());
    }
  }

  /** The names of the SNMP credentials ({@code snmp = true}) or of the SSH logins, sorted. */
  private static Set<String> authNames(Map<String, AuthConfig> auths, boolean snmp) {
    Set<String> names = new TreeSet<>();
    auths.forEach(
        (name, auth) -> {
          if (auth != null && auth.isSnmp() == snmp) {
            names.add(name);
          }
        });
    return names;
  }

  private void requireReadable(String path, String file) {
    Path resolved = baseDir == null ? Path.of(file) : baseDir.resolve(file);
    if (!Files.isReadable(resolved)) {
      problem(path, "expected a readable file, " + resolved + " is not");
    }
  }

  private void requireRange(String path, int value, int min, int max) {
    if (value < min || value > max) {
      problem(path, "expected " + min + ".." + max + ", got " + value);
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
