package io.tunnelwatch.ios.corpus;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

/**
 * The corpus of router outputs kept in this module's test resources ({@code
 * src/test/resources/corpus}, origin and licence in its README), or {@code
 * -Dtunnelwatch.corpus=DIR} to run the conformance tests over another copy. The {@code genie-*}
 * trees hold real captures; {@code written} holds outputs written here in the real layout for forms
 * the captures lack (an absent tree, as in an older copy, is skipped).
 */
final class Corpus {

  private static final Path IN_REPOSITORY = Paths.get("src", "test", "resources", "corpus");

  private Corpus() {}

  static Path root() {
    String property = System.getProperty("tunnelwatch.corpus");
    Path path =
        property == null || property.isBlank()
            ? IN_REPOSITORY.toAbsolutePath()
            : Paths.get(property);
    if (!Files.isDirectory(path.resolve("genie-iosxe"))) {
      fail("corpus not found at " + path + " (expected genie-ios/ and genie-iosxe/ there)");
    }
    return path;
  }

  /** Every {@code *_output.txt} of a class, in every tree, sorted for stable test names. */
  static List<Path> outputs(String commandClass) {
    Path root = root();
    return Stream.of("genie-ios", "genie-iosxe", "written")
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
