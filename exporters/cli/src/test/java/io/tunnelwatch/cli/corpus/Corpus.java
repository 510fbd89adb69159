package io.tunnelwatch.cli.corpus;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the shared corpus of real router outputs: {@code -Dtunnelwatch.corpus=DIR}, or a {@code
 * shared/corpus} directory beside the repository (found by walking up from the working directory).
 * CI always has it, so its absence fails rather than skips.
 */
final class Corpus {

  private Corpus() {}

  static Path root() {
    String property = System.getProperty("tunnelwatch.corpus");
    if (property != null && !property.isBlank()) {
      Path path = Paths.get(property);
      if (!Files.isDirectory(path)) {
        fail("-Dtunnelwatch.corpus=" + property + " is not a directory");
      }
      return path;
    }
    for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      for (Path candidate :
          List.of(dir.resolve("shared/corpus"), dir.resolveSibling("shared/corpus"))) {
        if (Files.isDirectory(candidate.resolve("genie-iosxe"))) {
          return candidate;
        }
      }
    }
    return fail(
        "corpus not found: set -Dtunnelwatch.corpus=/path/to/shared/corpus or place shared/corpus"
            + " beside the repository (looked upwards from "
            + Paths.get("").toAbsolutePath()
            + ")");
  }

  /** Every {@code *_output.txt} of a class, in both OS trees, sorted for stable test names. */
  static List<Path> outputs(String commandClass) {
    Path root = root();
    return Stream.of("genie-ios", "genie-iosxe")
        .map(os -> root.resolve(os).resolve(commandClass))
        .filter(Files::isDirectory)
        .flatMap(Corpus::list)
        .filter(p -> p.getFileName().toString().endsWith("_output.txt"))
        .sorted()
        .toList();
  }

  static Path expectedFor(Path output) {
    String name = output.getFileName().toString();
    return output.resolveSibling(
        name.substring(0, name.length() - "_output.txt".length()) + "_expected.json");
  }

  /** {@code genie-iosxe/ShowInterfaces/golden_output2}: how failures name a sample. */
  static String sampleName(Path output) {
    Path root = root();
    String rel = root.relativize(output).toString().replace('\\', '/');
    return rel.substring(0, rel.length() - "_output.txt".length());
  }

  static String read(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Stream<Path> list(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
