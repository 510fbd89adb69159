package io.tunnelwatch.testing.prometheus;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Runs PromQL against a live Prometheus and reports what is wrong with it: it does not parse or
 * evaluate, it reads a metric Prometheus does not have, or it returns nothing. Metrics for which
 * {@code mayBeAbsent} holds, and recording rules built on them, excuse both of the latter.
 */
public final class PromQueryChecker {

  private final PrometheusServer prometheus;
  private final Map<String, String> recordingRules;
  private final Predicate<String> mayBeAbsent;

  /**
   * @param recordingRules recording rule name to its expression, to see through them
   * @param mayBeAbsent metrics that are allowed to be missing (series that exist only while
   *     something is wrong)
   */
  public PromQueryChecker(
      PrometheusServer prometheus,
      Map<String, String> recordingRules,
      Predicate<String> mayBeAbsent) {
    this.prometheus = prometheus;
    this.recordingRules = Map.copyOf(recordingRules);
    this.mayBeAbsent = mayBeAbsent;
  }

  /**
   * @param where names the query in problem reports (dashboard, panel, refId or rule name)
   * @param mustReturnData whether an empty result is a problem
   * @return the problems, empty if none
   */
  public List<String> check(String where, String expr, boolean mustReturnData) {
    List<String> problems = new ArrayList<>();
    PrometheusServer.QueryResult result = prometheus.query(expr);
    if (!result.ok()) {
      problems.add(where + ": Prometheus rejects `" + expr + "`: " + result.error());
      return problems;
    }
    Set<String> present = prometheus.metricNames();
    boolean excused = false;
    for (String name : PromQlNames.metricNames(expr)) {
      if (dependsOnAbsentAllowed(name, new HashSet<>())) {
        excused = true;
      } else if (!present.contains(name)) {
        problems.add(
            where
                + ": reads "
                + name
                + ", which Prometheus does not have (not exported by the agent, not recorded"
                + " by a rule, and not allowed to be absent)");
      }
    }
    if (mustReturnData && !excused && problems.isEmpty() && !result.hasData()) {
      problems.add(where + ": `" + expr + "` returned no data");
    }
    return problems;
  }

  private boolean dependsOnAbsentAllowed(String name, Set<String> seen) {
    if (mayBeAbsent.test(name)) {
      return true;
    }
    String expr = recordingRules.get(name);
    if (expr == null || !seen.add(name)) {
      return false;
    }
    return PromQlNames.metricNames(expr).stream().anyMatch(n -> dependsOnAbsentAllowed(n, seen));
  }
}
