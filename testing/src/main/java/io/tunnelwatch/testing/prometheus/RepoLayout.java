package io.tunnelwatch.testing.prometheus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where the alerting and dashboard files live in the source tree (tests run from a module). */
public record RepoLayout(Path root) {

  public static RepoLayout find() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      if (Files.isRegularFile(dir.resolve("alerts/tunnelwatch.rules.yml"))) {
        return new RepoLayout(dir);
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException(
        "alerts/tunnelwatch.rules.yml not found above " + Path.of("").toAbsolutePath());
  }

  public Path alerts() {
    return root.resolve("alerts");
  }

  /** The rule files Prometheus loads: {@code alerts/*.rules.yml}. */
  public List<Path> ruleFiles() {
    return list(alerts(), ".rules.yml");
  }

  public List<Path> ruleTests() {
    return list(alerts().resolve("tests"), ".test.yml");
  }

  public Path alertmanagerConfig() {
    return alerts().resolve("alertmanager.yml");
  }

  public List<Path> dashboards() {
    return list(root.resolve("dashboards"), ".json");
  }

  public Path provisioning() {
    return root.resolve("dashboards/provisioning");
  }

  public Path runbook() {
    return root.resolve("docs/runbook.md");
  }

  private static List<Path> list(Path dir, String suffix) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
