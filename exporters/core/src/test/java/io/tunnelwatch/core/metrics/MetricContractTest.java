package io.tunnelwatch.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/** The contract and docs/metrics.md list the same families, with the same types. */
class MetricContractTest {

  private static final Path DOC = Path.of("../../docs/metrics.md");
  private static final Pattern NAME = Pattern.compile("`(tunnelwatch_[a-z0-9_]+|_[a-z0-9_]+)`");

  @Test
  void everyFamilyIsDocumentedAndEveryDocumentedFamilyExists() throws IOException {
    Set<String> declared =
        MetricContract.all().stream()
            .map(MetricFamily::exposedName)
            .collect(Collectors.toCollection(TreeSet::new));
    Set<String> documented = new TreeSet<>(documentedTypes().keySet());

    Set<String> undocumented = new TreeSet<>(declared);
    undocumented.removeAll(documented);
    Set<String> unknown = new TreeSet<>(documented);
    unknown.removeAll(declared);
    SoftAssertions.assertSoftly(
        softly -> {
          softly
              .assertThat(undocumented)
              .as("families in MetricContract missing from docs/metrics.md")
              .isEmpty();
          softly
              .assertThat(unknown)
              .as("families in docs/metrics.md missing from MetricContract")
              .isEmpty();
        });
  }

  @Test
  void documentedTypesMatchTheContract() throws IOException {
    Map<String, String> documented = documentedTypes();
    Map<String, String> declared = new TreeMap<>();
    MetricContract.all().forEach(f -> declared.put(f.exposedName(), f.type()));
    documented.keySet().retainAll(declared.keySet());
    documented.forEach(
        (name, type) ->
            assertThat(type)
                .as("type of %s in docs/metrics.md", name)
                .contains(declared.get(name)));
  }

  @Test
  void everyNameIsDeclaredOnce() {
    List<String> names = MetricContract.all().stream().map(MetricFamily::name).toList();
    assertThat(names).doesNotHaveDuplicates();
    assertThat(MetricContract.all())
        .allSatisfy(f -> assertThat(f.labelNames()).doesNotHaveDuplicates());
  }

  /**
   * Metric names of the docs' table rows (first column) with that row's type column. A row may
   * abbreviate further names as {@code `_suffix`}: the suffix replaces as many trailing words of
   * the row's previous full name as it has, so {@code `tunnelwatch_tunnel_receive_bytes_total` /
   * `_transmit_bytes_total`} names {@code tunnelwatch_tunnel_transmit_bytes_total}.
   */
  private static Map<String, String> documentedTypes() throws IOException {
    Map<String, String> types = new TreeMap<>();
    for (String line : Files.readAllLines(DOC)) {
      String[] cells = line.split("\\|");
      if (!line.startsWith("| `tunnelwatch_") || cells.length < 3) {
        continue;
      }
      String type = cells[2].trim();
      for (String name : namesIn(cells[1])) {
        types.put(name, type);
      }
    }
    return types;
  }

  private static List<String> namesIn(String cell) {
    List<String> names = new ArrayList<>();
    String full = null;
    Matcher m = NAME.matcher(cell);
    while (m.find()) {
      String name = m.group(1);
      if (name.startsWith("tunnelwatch_")) {
        full = name;
        names.add(name);
      } else {
        String[] words = full.split("_");
        int keep = words.length - (name.split("_").length - 1);
        names.add(String.join("_", List.of(words).subList(0, keep)) + name);
      }
    }
    return names;
  }
}
