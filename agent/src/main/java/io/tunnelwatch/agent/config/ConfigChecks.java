package io.tunnelwatch.agent.config;

import io.tunnelwatch.agent.time.DurationText;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What the section validators share: the problems found so far, and the checks more than one
 * section makes. Each problem names the key path and says what was expected.
 */
final class ConfigChecks {

  static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  static final Pattern LISTEN = Pattern.compile("(\\[[0-9a-fA-F:]+]|[^:\\s]*):(\\d{1,5})");
  static final Duration MIN_INTERVAL = Duration.ofSeconds(1);

  /** The shortest duration a timeout or window can be given: any positive one. */
  static final Duration MIN_POSITIVE = Duration.ofMillis(1);

  private final @Nullable Path baseDir;
  private final Function<String, @Nullable String> environment;
  private final List<ConfigException.Problem> problems = new ArrayList<>();
  private final List<ConfigException.Problem> warnings = new ArrayList<>();

  ConfigChecks(@Nullable Path baseDir, Function<String, @Nullable String> environment) {
    this.baseDir = baseDir;
    this.environment = environment;
  }

  void problem(String path, String message) {
    problems.add(new ConfigException.Problem(path, message));
  }

  List<ConfigException.Problem> problems() {
    return List.copyOf(problems);
  }

  /** Something usable but discouraged, such as an inline secret. */
  void warning(String path, String message) {
    warnings.add(new ConfigException.Problem(path, message));
  }

  List<ConfigException.Problem> warnings() {
    return List.copyOf(warnings);
  }

  /** A path from the configuration as the agent will open it. */
  Path resolve(String file) {
    return baseDir == null ? Path.of(file) : baseDir.resolve(file);
  }

  /**
   * An environment variable holding a secret: a valid name, set, not empty. A name that looks like
   * a secret itself (pasted where its variable's name belongs) is never printed.
   *
   * @return the variable's value when it is usable
   */
  @Nullable String requireEnv(String path, @Nullable String variable) {
    if (variable == null) {
      return null;
    }
    if (!EnvNames.isValid(variable)) {
      problem(
          path,
          "expected the name of an environment variable (letters, digits and _), got a value that"
              + " is not one (not shown: it may be a secret)");
      return null;
    }
    String named =
        EnvNames.safeToShow(variable)
            ? "environment variable " + variable
            : "environment variable named in " + path;
    String value = environment.apply(variable);
    if (value == null) {
      problem(path, named + " is not set");
      return null;
    }
    if (value.isEmpty()) {
      problem(path, named + " is set but empty");
      return null;
    }
    return value;
  }

  /** An inline secret: accepted, but the configuration file then holds a secret. */
  void warnInline(String path, String key) {
    warning(
        path,
        "an inline secret; the configuration file then holds it, prefer "
            + key
            + "_env or "
            + key
            + "_file");
  }

  /** A duration within the bounds its use can handle. */
  void requireDuration(String path, Duration duration, Duration min, Duration max) {
    if (duration.compareTo(min) < 0) {
      problem(
          path,
          DurationText.format(duration)
              + " is shorter than the minimum of "
              + DurationText.format(min));
    } else if (duration.compareTo(max) > 0) {
      problem(
          path,
          DurationText.format(duration)
              + " is longer than the maximum of "
              + DurationText.format(max));
    }
  }

  /** A host name or an IP address. */
  void requireHost(String path, @Nullable String host) {
    if (host == null || host.isBlank()) {
      problem(path, "expected a host name or address");
    } else if (!HostNames.isHostOrAddress(host)) {
      problem(
          path,
          "expected a host name (letters, digits and '-' between dots, not starting with '-') or"
              + " an IP address, got "
              + Shown.quoted(host));
    }
  }

  void requireRange(String path, int value, int min, int max) {
    if (value < min || value > max) {
      problem(path, "expected " + min + ".." + max + ", got " + value);
    }
  }

  /** A listen address is host:port with a port up to 65535. */
  static boolean isListenAddress(String listen) {
    var m = LISTEN.matcher(listen);
    return m.matches() && Integer.parseInt(m.group(2)) <= 65535;
  }

  /**
   * A {@code host:port} with a host name or address ({@code [IPv6]} in brackets) and a port
   * 1..65535: stricter than {@link #isListenAddress}, for addresses other machines connect to.
   *
   * @param example the form shown in the problem, e.g. {@code 10.0.0.5:5701}
   */
  void requireHostPort(String path, @Nullable String value, String example) {
    var m = value == null ? null : LISTEN.matcher(value);
    if (m == null || !m.matches()) {
      problem(path, "expected host:port such as " + example + ", got " + Shown.quoted(value));
      return;
    }
    String host = m.group(1);
    if (host.startsWith("[")) {
      host = host.substring(1, host.length() - 1);
    }
    if (!HostNames.isHostOrAddress(host)) {
      problem(
          path,
          "expected host:port with a host name or an IP address such as "
              + example
              + ", got "
              + Shown.quoted(value));
    }
    int port = Integer.parseInt(m.group(2));
    if (port < 1 || port > 65535) {
      problem(path, "expected a port 1..65535 in host:port, got " + Shown.quoted(value));
    }
  }

  /** A name of letters, digits, '.', '_' or '-', up to 64 characters. */
  void requireName(String path, @Nullable String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      problem(
          path,
          "expected a name of letters, digits, '.', '_' or '-' (up to 64), got "
              + Shown.quoted(name));
    }
  }

  static boolean blank(@Nullable String s) {
    return s == null || s.isBlank();
  }

  /** The names of the SNMP credentials ({@code snmp = true}) or of the SSH logins, sorted. */
  static Set<String> authNames(Map<String, AuthConfig> auths, boolean snmp) {
    Set<String> names = new TreeSet<>();
    auths.forEach(
        (name, auth) -> {
          if (auth != null && auth.isSnmp() == snmp) {
            names.add(name);
          }
        });
    return names;
  }
}
