package io.tunnelwatch.testing.prometheus;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves a dashboard's query variables the way Grafana does ({@code label_values(selector,
 * label)} through the series API, in order, each seeing the ones before) and substitutes them.
 */
public final class TemplateVariables {

  /** Grafana's own variables, with values that suit a test that has run for seconds. */
  private static final Map<String, String> BUILT_IN =
      Map.of("__rate_interval", "1m", "__interval", "15s", "__range", "1m");

  private static final Pattern LABEL_VALUES =
      Pattern.compile("label_values\\((.+),\\s*([a-zA-Z_]\\w*)\\s*\\)");

  private final Map<String, String> values = new LinkedHashMap<>(BUILT_IN);

  private TemplateVariables() {}

  /**
   * @throws IllegalStateException if a variable's query is not {@code label_values(...)} or finds
   *     no value (the dashboard would show nothing)
   */
  public static TemplateVariables resolve(Dashboard dashboard, PrometheusServer prometheus) {
    TemplateVariables vars = new TemplateVariables();
    for (Dashboard.Variable v : dashboard.variables()) {
      if (!v.type().equals("query")) {
        continue;
      }
      Matcher m = LABEL_VALUES.matcher(v.query());
      if (!m.matches()) {
        throw new IllegalStateException(
            dashboard.file()
                + ": variable "
                + v.name()
                + " is not label_values(...): "
                + v.query());
      }
      Set<String> found = prometheus.labelValues(vars.substitute(m.group(1)), m.group(2));
      if (found.isEmpty()) {
        throw new IllegalStateException(
            dashboard.file() + ": variable " + v.name() + " has no values: " + v.query());
      }
      vars.values.put(v.name(), found.iterator().next());
    }
    return vars;
  }

  public Map<String, String> values() {
    return Map.copyOf(values);
  }

  /** Replaces {@code $name} and {@code ${name}}, longest names first. */
  public String substitute(String text) {
    String out = text;
    for (String name :
        values.keySet().stream().sorted(Comparator.comparing(String::length).reversed()).toList()) {
      out = out.replace("${" + name + "}", values.get(name)).replace("$" + name, values.get(name));
    }
    return out;
  }
}
