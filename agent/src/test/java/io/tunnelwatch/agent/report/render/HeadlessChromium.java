package io.tunnelwatch.agent.report.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs Debian's {@code chromium} headless on a local file, isolated in its own profile. */
final class HeadlessChromium {

  /** Console errors, blocked loads and CSP violations as Chromium logs them to stderr. */
  static final List<String> ERROR_MARKERS =
      List.of("Uncaught", "Refused to", "net::ERR", "CONSOLE", "Failed to load");

  record Result(int exit, String stdout, String stderr) {}

  private final Path profile;

  HeadlessChromium(Path workDir) throws IOException {
    this.profile = Files.createDirectories(workDir.resolve("chromium-profile"));
  }

  Result run(Path page, String... extra) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                "chromium",
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--enable-logging=stderr",
                "--v=0",
                "--user-data-dir=" + profile));
    command.addAll(List.of(extra));
    command.add(page.toUri().toString());
    Path out = Files.createTempFile(profile.getParent(), "chromium", ".out");
    Path err = Files.createTempFile(profile.getParent(), "chromium", ".err");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("chromium did not finish within 120 s: " + command);
    }
    return new Result(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  /** The stderr lines that report a page problem rather than headless-environment noise. */
  static List<String> pageErrors(String stderr) {
    return stderr.lines().filter(line -> ERROR_MARKERS.stream().anyMatch(line::contains)).toList();
  }
}
