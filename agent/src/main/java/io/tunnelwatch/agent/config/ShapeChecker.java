package io.tunnelwatch.agent.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tunnelwatch.agent.time.DurationText;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Checks a YAML tree against the shape of the configuration records before it is decoded: unknown
 * keys, a list or mapping where a value belongs, numbers out of range, durations that do not parse.
 * Decoding stops at its first error; this reports them all and hands back the tree without them, so
 * that the rest of the file can still be decoded and validated.
 *
 * <p>The shape is read from the records themselves (component names in snake_case, as the decoder
 * maps them), so it cannot drift from the model.
 */
final class ShapeChecker {

  private static final PropertyNamingStrategies.NamingBase NAMING =
      (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

  private final List<ConfigException.Problem> problems = new ArrayList<>();
  private final JsonNodeFactory nodes = JsonNodeFactory.instance;

  private ShapeChecker() {}

  /**
   * @param tree what can be decoded into {@code type}: the input without the refused values
   */
  record Result(JsonNode tree, List<ConfigException.Problem> problems) {}

  static Result check(JsonNode tree, Class<?> type) {
    ShapeChecker checker = new ShapeChecker();
    JsonNode kept = checker.check(ConfigPath.ROOT, tree, type);
    return new Result(kept == null ? JsonNodeFactory.instance.nullNode() : kept, checker.problems);
  }

  /** The node to decode in place of {@code node}, or null to leave the key out. */
  private @Nullable JsonNode check(String path, JsonNode node, Type type) {
    return check(path, node, type, false);
  }

  private @Nullable JsonNode check(String path, JsonNode node, Type type, boolean emptyIsAbsent) {
    Class<?> raw = raw(type);
    if (raw == Optional.class) {
      // an optional key is judged as its value: the empty text of an optional host stays a value
      return check(path, node, argument(type, 0), emptyIsAbsent);
    }
    if (node.isNull()
        || (node.isTextual()
            && node.asText().isEmpty()
            && (raw != String.class || emptyIsAbsent))) {
      // `key:` with nothing after it: the same as leaving the key out
      return nodes.nullNode();
    }
    if (raw.isRecord()) {
      return node.isObject() ? record(path, (ObjectNode) node, raw) : wrong(path, node, raw);
    }
    if (raw == Map.class) {
      return node.isObject() ? map(path, node, argument(type, 1)) : wrong(path, node, raw);
    }
    if (raw == List.class) {
      return node.isArray() ? list(path, node, argument(type, 0)) : wrong(path, node, raw);
    }
    return scalar(path, node, raw);
  }

  private @Nullable JsonNode record(String path, ObjectNode node, Class<?> type) {
    Map<String, RecordComponent> components = new LinkedHashMap<>();
    for (RecordComponent component : type.getRecordComponents()) {
      components.put(NAMING.translate(component.getName()), component);
    }
    ObjectNode kept = nodes.objectNode();
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      String fieldPath = ConfigPath.key(path, field.getKey());
      RecordComponent component = components.get(field.getKey());
      if (component == null) {
        problems.add(
            new ConfigException.Problem(
                fieldPath,
                "unknown key "
                    + Shown.quoted(field.getKey())
                    + " (expected one of: "
                    + components.keySet().stream().sorted().collect(Collectors.joining(", "))
                    + ")"));
        continue;
      }
      JsonNode value =
          check(
              fieldPath,
              field.getValue(),
              component.getGenericType(),
              component.isAnnotationPresent(EmptyIsAbsent.class));
      if (value != null) {
        kept.set(field.getKey(), value);
      }
    }
    return kept;
  }

  private JsonNode map(String path, JsonNode node, Type valueType) {
    ObjectNode kept = nodes.objectNode();
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      JsonNode value = check(ConfigPath.key(path, entry.getKey()), entry.getValue(), valueType);
      // a refused entry stays as an empty one, so that references to its name still resolve
      kept.set(entry.getKey(), value == null ? nodes.objectNode() : value);
    }
    return kept;
  }

  private @Nullable JsonNode list(String path, JsonNode node, Type itemType) {
    List<JsonNode> items = new ArrayList<>();
    boolean refused = false;
    for (int i = 0; i < node.size(); i++) {
      String itemPath = ConfigPath.index(path, i);
      JsonNode item = node.get(i);
      if (item.isNull()) {
        problems.add(new ConfigException.Problem(itemPath, "expected " + what(raw(itemType))));
        item = null;
      } else {
        item = check(itemPath, item, itemType);
      }
      if (item == null) {
        refused = true;
      }
      items.add(item);
    }
    if (!refused) {
      return nodes.arrayNode().addAll(items);
    }
    if (!raw(itemType).isRecord()) {
      return null;
    }
    // a refused record stays as an empty one, so that the items after it keep their indexes
    return nodes
        .arrayNode()
        .addAll(items.stream().map(i -> i == null ? nodes.objectNode() : i).toList());
  }

  /** The scalar as the decoder takes it best (a number as a number), or null when refused. */
  private @Nullable JsonNode scalar(String path, JsonNode node, Class<?> type) {
    if (!node.isValueNode()) {
      return wrong(path, node, type);
    }
    String text = node.asText();
    JsonNode canonical;
    if (type == String.class || type == Secret.class || type == Duration.class) {
      canonical = nodes.textNode(text);
    } else if (type == Integer.class || type == int.class) {
      canonical = integer(node, text);
    } else if (type == Double.class || type == double.class) {
      canonical = number(node, text);
    } else if (type == Boolean.class || type == boolean.class) {
      canonical =
          node.isBoolean() || text.equals("true") || text.equals("false")
              ? nodes.booleanNode(Boolean.parseBoolean(text))
              : null;
    } else {
      throw new IllegalStateException("no shape check for " + type + " at " + path);
    }
    String durationProblem = type == Duration.class ? durationProblem(text) : null;
    if (durationProblem != null) {
      problems.add(new ConfigException.Problem(path, durationProblem));
      return null;
    }
    if (canonical == null) {
      String range =
          node.isIntegralNumber() && !node.canConvertToInt() ? ", which is out of range" : "";
      return wrong(path, node, type, range);
    }
    return canonical;
  }

  private @Nullable JsonNode integer(JsonNode node, String text) {
    if (node.isIntegralNumber()) {
      return node.canConvertToInt() ? nodes.numberNode(node.intValue()) : null;
    }
    if (node.isTextual()) {
      try {
        return nodes.numberNode(Integer.parseInt(text));
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  private @Nullable JsonNode number(JsonNode node, String text) {
    if (node.isNumber()) {
      return nodes.numberNode(node.doubleValue());
    }
    if (node.isTextual()) {
      try {
        return nodes.numberNode(Double.parseDouble(text));
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  private static @Nullable String durationProblem(String text) {
    try {
      DurationText.parse(text);
      return null;
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  private @Nullable JsonNode wrong(String path, JsonNode node, Class<?> expected) {
    return wrong(path, node, expected, "");
  }

  private @Nullable JsonNode wrong(String path, JsonNode node, Class<?> expected, String why) {
    problems.add(
        new ConfigException.Problem(
            path, "expected " + what(expected) + ", got " + shown(node) + why));
    return null;
  }

  /** What a type is called in problems. */
  static String what(Class<?> type) {
    if (type == Integer.class || type == int.class) {
      return "a whole number";
    }
    if (type == Double.class || type == double.class) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == Duration.class) {
      return "a duration like 30s";
    }
    if (type == String.class || type == Secret.class) {
      return "a single value";
    }
    if (type == List.class) {
      return "a list";
    }
    return "a mapping";
  }

  /** What was found, as a problem says it: the value itself only when it is a scalar. */
  private static String shown(JsonNode node) {
    if (node.isArray()) {
      return "a list";
    }
    if (node.isObject()) {
      return "a mapping";
    }
    if (node.isTextual()) {
      return Shown.quoted(node.asText());
    }
    return node.asText();
  }

  private static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
      return c;
    }
    throw new IllegalStateException("unsupported configuration type " + type);
  }

  private static Type argument(Type type, int index) {
    if (type instanceof ParameterizedType p) {
      return p.getActualTypeArguments()[index];
    }
    throw new IllegalStateException("raw configuration type " + type);
  }
}
