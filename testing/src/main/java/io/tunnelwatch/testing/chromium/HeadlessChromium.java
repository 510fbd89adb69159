package io.tunnelwatch.testing.chromium;

import io.tunnelwatch.testing.process.CommandResult;
import io.tunnelwatch.testing.process.ProcessRunner;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Runs Debian's {@code chromium} headless on a page, isolated in its own profile. */
public final class HeadlessChromium {

  /** Console errors, blocked loads and CSP violations as Chromium logs them to stderr. */
  public static final List<String> ERROR_MARKERS =
      List.of("Uncaught", "Refused to", "net::ERR", "CONSOLE", "Failed to load");

  private final Path profile;

  public HeadlessChromium(Path workDir) throws IOException {
    this.profile = Files.createDirectories(workDir.resolve("chromium-profile"));
  }

  /** Opens {@code page} with the {@code extra} switches (e.g. --dump-dom) and waits for exit. */
  public CommandResult run(Path page, String... extra) {
    return run(page.toUri(), extra);
  }

  /** Opens the page at {@code url} (e.g. a server under test) as {@link #run(Path, String...)}. */
  public CommandResult run(URI url, String... extra) {
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
    command.add(url.toString());
    return ProcessRunner.defaults().withTimeout(Duration.ofMinutes(2)).exec(command);
  }

  /** The stderr lines that report a page problem rather than headless-environment noise. */
  public static List<String> pageErrors(String stderr) {
    return stderr.lines().filter(line -> ERROR_MARKERS.stream().anyMatch(line::contains)).toList();
  }
}
