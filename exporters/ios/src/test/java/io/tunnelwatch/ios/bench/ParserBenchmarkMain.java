package io.tunnelwatch.ios.bench;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link ParserBenchmark} (1 fork, 3 warm-up and 3 measured iterations of 1 s) and prints the
 * parser's throughput in MB/s next to the line-counting baseline's. See docs/performance.md.
 *
 * <p>{@code -Dbench.warmups=N} and {@code -Dbench.iterations=N} change the iteration counts: on a
 * busy 2-core machine the 1,000-flow parse needs about ten 1 s warm-ups to reach C2 code.
 */
public final class ParserBenchmarkMain {

  private ParserBenchmarkMain() {}

  public static void main(String[] args) throws RunnerException {
    exposeClassPathToFork();
    Options options =
        new OptionsBuilder()
            .include(ParserBenchmark.class.getName() + "\\.")
            .forks(1)
            .warmupIterations(Integer.getInteger("bench.warmups", 3))
            .warmupTime(TimeValue.seconds(1))
            .measurementIterations(Integer.getInteger("bench.iterations", 3))
            .measurementTime(TimeValue.seconds(1))
            .build();
    Collection<RunResult> results = new Runner(options).run();

    // flows -> benchmark method -> ops/s
    Map<Integer, Map<String, Double>> scores = new TreeMap<>();
    for (RunResult result : results) {
      int flows = Integer.parseInt(result.getParams().getParam("flows"));
      String benchmark = result.getParams().getBenchmark();
      String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
      scores
          .computeIfAbsent(flows, f -> new TreeMap<>())
          .put(method, result.getPrimaryResult().getScore());
    }

    System.out.println();
    System.out.println(
        "| flows | input | ipsecSaParse ops/s | ipsecSaParse MB/s | lines().count() MB/s | ratio |");
    System.out.println("|---:|---:|---:|---:|---:|---:|");
    for (Map.Entry<Integer, Map<String, Double>> entry : scores.entrySet()) {
      int flows = entry.getKey();
      long bytes = ParserBenchmark.input(flows).getBytes(StandardCharsets.UTF_8).length;
      double parseOps = entry.getValue().getOrDefault("ipsecSaParse", Double.NaN);
      double baselineOps = entry.getValue().getOrDefault("baselineLinesCount", Double.NaN);
      double parseMbs = parseOps * bytes / 1e6;
      double baselineMbs = baselineOps * bytes / 1e6;
      System.out.println(
          String.format(
              Locale.ROOT,
              "| %d | %s | %.0f | %.1f | %.1f | %.3f |",
              flows,
              size(bytes),
              parseOps,
              parseMbs,
              baselineMbs,
              parseMbs / baselineMbs));
    }
    System.out.println("(MB = 10^6 bytes; ratio = parser MB/s / baseline MB/s)");
  }

  private static String size(long bytes) {
    return bytes < 10_000 ? bytes + " B" : String.format(Locale.ROOT, "%.1f kB", bytes / 1e3);
  }

  /**
   * JMH starts the forked JVM with {@code java.class.path}. Under {@code mvn exec:java} that is
   * Maven's own class path, and the test classes live in a child class loader; hand the fork the
   * class loader's URLs instead.
   */
  private static void exposeClassPathToFork() {
    Set<String> entries = new LinkedHashSet<>();
    for (ClassLoader loader = ParserBenchmarkMain.class.getClassLoader();
        loader != null;
        loader = loader.getParent()) {
      if (loader instanceof URLClassLoader urls) {
        for (URL url : urls.getURLs()) {
          try {
            entries.add(Path.of(url.toURI()).toString());
          } catch (URISyntaxException | IllegalArgumentException e) {
            // not a file URL; the fork cannot use it anyway
          }
        }
      }
    }
    if (!entries.isEmpty()) {
      for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
        if (!entry.isEmpty()) {
          entries.add(entry);
        }
      }
      System.setProperty("java.class.path", String.join(File.pathSeparator, entries));
    }
  }
}
