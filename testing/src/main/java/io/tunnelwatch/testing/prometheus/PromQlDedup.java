package io.tunnelwatch.testing.prometheus;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a PromQL expression gives the same answer when every series exists several times,
 * differing only in {@code job} and {@code instance} (the agent scraped by two jobs, or two agents
 * polling the same routers).
 *
 * <p>The rule: the innermost aggregation around every metric selector is {@code max} or {@code min}
 * (duplicates have equal values, so either keeps one; {@code sum} or {@code count} would add them
 * up) and drops both {@code job} and {@code instance}. A lexical check like {@link PromQlNames},
 * good for the expressions of this repository: strings, label matchers and range selectors are
 * removed first, grouping may come before or after the aggregated expression.
 */
public final class PromQlDedup {

  private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'|`[^`]*`");
  private static final Pattern MATCHERS = Pattern.compile("\\{[^{}]*}");
  private static final Pattern RANGES = Pattern.compile("\\[[^\\[\\]]*]");
  private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.:])[a-zA-Z_:][\\w:]*");
  private static final Pattern GROUPING =
      Pattern.compile("\\G\\s*(by|without)\\s*\\(([^()]*)\\)", Pattern.CASE_INSENSITIVE);
  private static final Pattern LABEL_LIST_KEYWORD =
      Pattern.compile("\\G\\s*\\(", Pattern.CASE_INSENSITIVE);

  private static final Set<String> AGGREGATIONS =
      Set.of(
          "sum",
          "min",
          "max",
          "avg",
          "group",
          "stddev",
          "stdvar",
          "count",
          "count_values",
          "bottomk",
          "topk",
          "quantile");
  private static final Set<String> KEEPS_ONE_OF_EQUALS = Set.of("max", "min");
  private static final Set<String> LABEL_LIST_KEYWORDS =
      Set.of("by", "without", "on", "ignoring", "group_left", "group_right");
  private static final Set<String> KEYWORDS =
      Set.of("and", "or", "unless", "bool", "offset", "inf", "nan", "atan2");
  private static final Set<String> DUPLICATE_LABELS = Set.of("job", "instance");

  /** An aggregation: its operator, the span of its argument's parentheses and its grouping. */
  private record Aggregation(String op, int open, int close, String mode, Set<String> labels) {

    boolean dropsJobAndInstance() {
      return switch (mode) {
        case "" -> true; // no grouping: every label goes
        case "by" -> labels.stream().noneMatch(DUPLICATE_LABELS::contains);
        default -> labels.containsAll(DUPLICATE_LABELS);
      };
    }
  }

  /** An open parenthesis; {@code op} is empty unless it holds an aggregation's argument. */
  private record Open(String op, int at, String mode, Set<String> labels) {}

  private PromQlDedup() {}

  /**
   * The metric selectors of {@code expr} that duplicates would change, each with the aggregation
   * that encloses it ("none" if none); empty if the expression is safe.
   */
  public static List<String> undeduplicated(String expr) {
    String bare = STRING.matcher(expr).replaceAll("\"\"");
    bare = MATCHERS.matcher(bare).replaceAll("");
    bare = RANGES.matcher(bare).replaceAll("");

    List<Aggregation> aggregations = new ArrayList<>();
    List<int[]> selectors = new ArrayList<>();
    List<String> selectorNames = new ArrayList<>();
    Deque<Open> open = new ArrayDeque<>();
    String pendingOp = "";
    String pendingMode = "";
    Set<String> pendingLabels = Set.of();

    int i = 0;
    while (i < bare.length()) {
      char c = bare.charAt(i);
      Matcher id = IDENTIFIER.matcher(bare).region(i, bare.length());
      if (id.lookingAt() && (i == 0 || !isWordChar(bare.charAt(i - 1)))) {
        String name = id.group();
        String lower = name.toLowerCase(Locale.ROOT);
        int end = id.end();
        if (LABEL_LIST_KEYWORDS.contains(lower) && startsList(bare, end)) {
          // A label list (grouping or vector matching): its names are not metrics.
          int close = bare.indexOf(')', end);
          if (AGGREGATIONS.contains(pendingOp) && (lower.equals("by") || lower.equals("without"))) {
            pendingMode = lower;
            pendingLabels = labels(bare.substring(bare.indexOf('(', end) + 1, close));
          }
          i = close + 1;
          continue;
        }
        if (AGGREGATIONS.contains(lower) && startsAggregation(bare, end)) {
          pendingOp = lower;
          pendingMode = "";
          pendingLabels = Set.of();
        } else if (!startsList(bare, end)
            && !KEYWORDS.contains(lower)
            && !lower.equals("by")
            && !lower.equals("without")) {
          selectors.add(new int[] {i});
          selectorNames.add(name);
        }
        i = end;
        continue;
      }
      if (c == '(') {
        open.push(new Open(pendingOp, i, pendingMode, pendingLabels));
        pendingOp = "";
      } else if (c == ')' && !open.isEmpty()) {
        Open frame = open.pop();
        if (!frame.op().isEmpty()) {
          String mode = frame.mode();
          Set<String> labels = frame.labels();
          Matcher after = GROUPING.matcher(bare).region(i + 1, bare.length());
          if (mode.isEmpty() && after.lookingAt()) {
            // Grouping written after the argument: max(x) without (job, instance).
            mode = after.group(1).toLowerCase(Locale.ROOT);
            labels = labels(after.group(2));
          }
          aggregations.add(new Aggregation(frame.op(), frame.at(), i, mode, labels));
        }
      }
      i++;
    }

    List<String> problems = new ArrayList<>();
    for (int s = 0; s < selectors.size(); s++) {
      int at = selectors.get(s)[0];
      Aggregation innermost = null;
      for (Aggregation a : aggregations) {
        if (a.open() < at && at < a.close() && (innermost == null || a.open() > innermost.open())) {
          innermost = a;
        }
      }
      if (innermost == null) {
        problems.add(selectorNames.get(s) + " (in no aggregation)");
      } else if (!KEEPS_ONE_OF_EQUALS.contains(innermost.op())
          || !innermost.dropsJobAndInstance()) {
        problems.add(
            selectorNames.get(s)
                + " (innermost aggregation "
                + innermost.op()
                + (innermost.mode().isEmpty()
                    ? ""
                    : " " + innermost.mode() + " " + innermost.labels())
                + ")");
      }
    }
    return problems;
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == ':' || c == '.';
  }

  private static boolean startsList(String text, int from) {
    return LABEL_LIST_KEYWORD.matcher(text).region(from, text.length()).lookingAt();
  }

  /** An aggregation operator is followed by its argument or by its grouping, then the argument. */
  private static boolean startsAggregation(String text, int from) {
    return startsList(text, from) || GROUPING.matcher(text).region(from, text.length()).lookingAt();
  }

  private static Set<String> labels(String list) {
    return Set.copyOf(
        Arrays.stream(list.split(",")).map(String::trim).filter(l -> !l.isEmpty()).toList());
  }
}
