package io.tunnelwatch.agent.config;

import java.nio.file.Files;
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

  private final @Nullable Path baseDir;
  private final Function<String, @Nullable String> environment;
  private final List<ConfigException.Problem> problems = new ArrayList<>();

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

  /** A path from the configuration as the agent will open it. */
  Path resolve(String file) {
    return baseDir == null ? Path.of(file) : baseDir.resolve(file);
  }

  void requireEnv(String path, @Nullable String variable) {
    if (variable != null && environment.apply(variable) == null) {
      problem(path, "environment variable " + variable + " is not set");
    }
  }

  void requireReadable(String path, String file) {
    Path resolved = resolve(file);
    if (!Files.isReadable(resolved)) {
      problem(path, "expected a readable file, " + resolved + " is not");
    }
  }

  void requireRange(String path, int value, int min, int max) {
    if (value < min || value > max) {
      problem(path, "expected " + min + ".." + max + ", got " + value);
    }
  }

  void requirePositive(String path, Duration duration) {
    if (duration.isNegative() || duration.isZero()) {
      problem(path, "expected a positive duration");
    }
  }

  /** A listen address is host:port with a port up to 65535. */
  static boolean isListenAddress(String listen) {
    var m = LISTEN.matcher(listen);
    return m.matches() && Integer.parseInt(m.group(2)) <= 65535;
  }

  /** A name of letters, digits, '.', '_' or '-', up to 64 characters. */
  void requireName(String path, @Nullable String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      problem(
          path,
          "expected a name of letters, digits, '.', '_' or '-' (up to 64), got '" + name + "'");
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
