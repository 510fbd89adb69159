package io.tunnelwatch.testing.process;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Finds the Debian tools the integration tests run, and says which package is missing. */
public final class Executables {

  // Tool -> the Debian package that ships it (.ci/run installs them all).
  private static final Map<String, String> PACKAGE =
      Map.ofEntries(
          Map.entry("prometheus", "prometheus"),
          Map.entry("promtool", "prometheus"),
          Map.entry("prometheus-alertmanager", "prometheus-alertmanager"),
          Map.entry("amtool", "prometheus-alertmanager"),
          Map.entry("snmpd", "snmpd"),
          Map.entry("snmpget", "snmp"),
          Map.entry("snmpbulkwalk", "snmp"),
          Map.entry("snmpwalk", "snmp"),
          Map.entry("snmptrap", "snmp"),
          Map.entry("chromium", "chromium"),
          Map.entry("sshd", "openssh-server"),
          Map.entry("ssh-keygen", "openssh-client"));

  private Executables() {}

  /**
   * The absolute path of {@code name} on the PATH (or in /usr/sbin, where Debian puts daemons); a
   * name with a slash is taken as a path already.
   *
   * @throws IllegalStateException if it is not installed, naming the Debian package to install
   */
  public static Path find(String name) {
    if (name.contains("/")) {
      return Path.of(name);
    }
    String path = System.getenv().getOrDefault("PATH", "/usr/bin") + ":/usr/sbin";
    for (String dir : path.split(":")) {
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        name
            + " is not on the PATH; install the Debian package "
            + PACKAGE.getOrDefault(name, "that provides it")
            + " (docs/testing.md)");
  }
}
