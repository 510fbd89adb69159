package io.tunnelwatch.agent.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import io.tunnelwatch.agent.time.DurationText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** Reads and validates the YAML configuration. */
public final class ConfigLoader {

  private final ObjectMapper mapper;

  public ConfigLoader() {
    SimpleModule durations = new SimpleModule("tunnelwatch-durations");
    durations.addDeserializer(Duration.class, new DurationDeserializer());
    mapper =
        new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .registerModule(new Jdk8Module())
            .registerModule(durations);
  }

  /** Loads, decodes and validates a configuration file. */
  public AgentConfig load(Path file) throws ConfigException {
    String yaml;
    try {
      yaml = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new ConfigException(
          file.toString(), List.of(new ConfigException.Problem("(file)", "no such file")));
    } catch (IOException e) {
      throw new ConfigException(
          file.toString(),
          List.of(new ConfigException.Problem("(file)", "cannot read: " + e.getMessage())));
    }
    return parse(file.toString(), yaml, file.toAbsolutePath().getParent());
  }

  /**
   * Decodes and validates configuration text.
   *
   * @param baseDir directory that relative file paths in the config are resolved against
   */
  public AgentConfig parse(String sourceName, String yaml, Path baseDir) throws ConfigException {
    if (yaml.isBlank()) {
      throw new ConfigException(
          sourceName,
          List.of(new ConfigException.Problem("(root)", "the file is empty; expected a mapping")));
    }
    AgentConfig config;
    try {
      config = mapper.readValue(yaml, AgentConfig.class);
    } catch (JsonMappingException e) {
      if (e.getCause() instanceof StreamReadException syntax) {
        throw syntaxError(sourceName, syntax);
      }
      throw new ConfigException(sourceName, List.of(describe(e)));
    } catch (JsonProcessingException e) {
      throw syntaxError(sourceName, e);
    }
    if (config == null) {
      throw new ConfigException(
          sourceName,
          List.of(new ConfigException.Problem("(root)", "the file is empty; expected a mapping")));
    }
    List<ConfigException.Problem> problems = new ConfigValidator(baseDir).validate(config);
    if (!problems.isEmpty()) {
      throw new ConfigException(sourceName, problems);
    }
    return PathResolver.resolve(config, baseDir);
  }

  private static ConfigException syntaxError(String sourceName, JsonProcessingException e) {
    String where =
        e.getLocation() == null
            ? "(syntax)"
            : "(line "
                + e.getLocation().getLineNr()
                + ", column "
                + e.getLocation().getColumnNr()
                + ")";
    return new ConfigException(
        sourceName,
        List.of(new ConfigException.Problem(where, "not valid YAML: " + e.getOriginalMessage())));
  }

  private static ConfigException.Problem describe(JsonMappingException e) {
    String path = path(e.getPath());
    if (e instanceof UnrecognizedPropertyException u) {
      String known =
          u.getKnownPropertyIds() == null
              ? ""
              : " (expected one of: "
                  + u.getKnownPropertyIds().stream()
                      .map(String::valueOf)
                      .sorted()
                      .collect(Collectors.joining(", "))
                  + ")";
      return new ConfigException.Problem(path, "unknown key '" + u.getPropertyName() + "'" + known);
    }
    if (e instanceof InvalidFormatException f) {
      return new ConfigException.Problem(
          path,
          "expected " + typeName(f.getTargetType()) + ", got '" + f.getValue() + "'" + cause(e));
    }
    if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
      return new ConfigException.Problem(
          path, "expected " + typeName(m.getTargetType()) + cause(e));
    }
    return new ConfigException.Problem(path, e.getOriginalMessage());
  }

  private static String cause(JsonMappingException e) {
    Throwable cause = e.getCause();
    return cause instanceof IllegalArgumentException ? ": " + cause.getMessage() : "";
  }

  private static String typeName(Class<?> type) {
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "a whole number";
    }
    if (type == Double.class || type == double.class) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == Duration.class) {
      return "a duration such as 30s";
    }
    if (type == String.class) {
      return "a string";
    }
    if (List.class.isAssignableFrom(type)) {
      return "a list";
    }
    if (java.util.Map.class.isAssignableFrom(type) || type.isRecord()) {
      return "a mapping";
    }
    return type.getSimpleName();
  }

  static String path(List<JsonMappingException.Reference> references) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : references) {
      if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      } else if (ref.getFieldName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(ref.getFieldName());
      }
    }
    return path.isEmpty() ? "(root)" : path.toString();
  }

  private static final class DurationDeserializer extends JsonDeserializer<Duration> {
    @Override
    public Duration deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      String text = parser.getValueAsString();
      try {
        return DurationText.parse(text);
      } catch (IllegalArgumentException e) {
        throw InvalidFormatException.from(parser, e.getMessage(), text, Duration.class);
      }
    }
  }
}
