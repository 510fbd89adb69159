package io.tunnelwatch.agent.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads YAML text into a tree, refusing what no configuration needs before it costs time: files
 * over {@link #MAX_FILE_CHARS}, lines over {@link #MAX_LINE_CHARS} (the YAML scanner takes minutes
 * on a line of megabytes), values over {@link #MAX_VALUE_CHARS} and duplicate keys (YAML says the
 * last would win, silently). Values are never echoed. Every duplicate and oversized value is
 * reported, not only the first; such a key is left out of the tree.
 */
final class YamlTreeReader {

  static final int MAX_FILE_CHARS = 16 * 1024 * 1024;
  static final int MAX_LINE_CHARS = 16 * 1024;
  static final int MAX_VALUE_CHARS = 4096;

  private final YAMLFactory factory;

  YamlTreeReader() {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(MAX_FILE_CHARS);
    factory = YAMLFactory.builder().loaderOptions(options).build();
  }

  /**
   * The tree and what was refused in it.
   *
   * @param tree null when the document could not be read at all (see {@code problems})
   */
  record Result(@Nullable JsonNode tree, List<ConfigException.Problem> problems) {}

  Result read(String yaml) {
    List<ConfigException.Problem> problems = new ArrayList<>();
    if (yaml.length() > MAX_FILE_CHARS) {
      problems.add(
          new ConfigException.Problem(
              "(file)", "is larger than the maximum of " + MAX_FILE_CHARS / 1024 / 1024 + " MiB"));
      return new Result(null, problems);
    }
    longLines(yaml, problems);
    if (!problems.isEmpty()) {
      return new Result(null, problems);
    }
    try (JsonParser parser = factory.createParser(yaml)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return new Result(null, List.of());
      }
      JsonNode tree = new Builder(parser, problems).value(ConfigPath.ROOT);
      return new Result(tree, problems);
    } catch (JsonProcessingException e) {
      problems.add(syntaxError(e));
      return new Result(null, problems);
    } catch (IOException e) {
      // reading a String: only the parser's own exceptions above can happen
      throw new IllegalStateException(e);
    }
  }

  private static void longLines(String yaml, List<ConfigException.Problem> problems) {
    int line = 1;
    int start = 0;
    for (int i = 0; i <= yaml.length(); i++) {
      if (i == yaml.length() || yaml.charAt(i) == '\n') {
        if (i - start > MAX_LINE_CHARS) {
          problems.add(
              new ConfigException.Problem(
                  "(line " + line + ")",
                  "is "
                      + (i - start)
                      + " characters long, more than the maximum of "
                      + MAX_LINE_CHARS
                      + " (a value may have at most "
                      + MAX_VALUE_CHARS
                      + ")"));
        }
        line++;
        start = i + 1;
      }
    }
  }

  private static ConfigException.Problem syntaxError(JsonProcessingException e) {
    String where =
        e.getLocation() == null
            ? "(syntax)"
            : "(line "
                + e.getLocation().getLineNr()
                + ", column "
                + e.getLocation().getColumnNr()
                + ")";
    // The scanner's message goes on with a copy of the offending line, which may hold a secret.
    String message = String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("");
    return new ConfigException.Problem(where, "not valid YAML: " + message);
  }

  /** Builds the tree token by token, so that a duplicate or oversized value does not stop it. */
  private static final class Builder {
    private final JsonParser parser;
    private final List<ConfigException.Problem> problems;
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    Builder(JsonParser parser, List<ConfigException.Problem> problems) {
      this.parser = parser;
      this.problems = problems;
    }

    /** The value at the current token, or null when it is refused. */
    @Nullable JsonNode value(String path) throws IOException {
      JsonToken token = parser.currentToken();
      switch (token) {
        case START_OBJECT:
          return object(path);
        case START_ARRAY:
          return array(path);
        case VALUE_NULL:
          return nodes.nullNode();
        case VALUE_TRUE:
        case VALUE_FALSE:
          return nodes.booleanNode(token == JsonToken.VALUE_TRUE);
        case VALUE_NUMBER_INT:
          return parser.getNumberType() == JsonParser.NumberType.INT
              ? nodes.numberNode(parser.getIntValue())
              : nodes.numberNode(parser.getBigIntegerValue());
        case VALUE_NUMBER_FLOAT:
          return nodes.numberNode(parser.getDecimalValue());
        case VALUE_STRING:
          if (parser.getTextLength() > MAX_VALUE_CHARS) {
            problems.add(
                new ConfigException.Problem(
                    path,
                    "value of "
                        + parser.getTextLength()
                        + " characters, more than the maximum of "
                        + MAX_VALUE_CHARS));
            return null;
          }
          return nodes.textNode(parser.getText());
        default:
          problems.add(new ConfigException.Problem(path, "expected a plain YAML value"));
          return null;
      }
    }

    private ObjectNode object(String path) throws IOException {
      ObjectNode object = nodes.objectNode();
      List<String> duplicates = new ArrayList<>();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        String keyPath =
            ConfigPath.key(
                path,
                key.length() > Shown.MAX_CHARS ? key.substring(0, Shown.MAX_CHARS) + "..." : key);
        parser.nextToken();
        JsonNode value = value(keyPath);
        if (key.length() > MAX_VALUE_CHARS) {
          problems.add(
              new ConfigException.Problem(
                  path, "a key of " + key.length() + " characters, more than any key has"));
        } else if (object.has(key) || duplicates.contains(key)) {
          problems.add(
              new ConfigException.Problem(
                  keyPath, "duplicate key (line " + parser.currentLocation().getLineNr() + ")"));
          object.remove(key);
          duplicates.add(key);
        } else if (value != null) {
          object.set(key, value);
        }
      }
      return object;
    }

    private ArrayNode array(String path) throws IOException {
      ArrayNode array = nodes.arrayNode();
      int index = 0;
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        JsonNode value = value(ConfigPath.index(path, index++));
        // keep the indexes of the items after a refused one
        array.add(value == null ? nodes.nullNode() : value);
      }
      return array;
    }
  }
}
