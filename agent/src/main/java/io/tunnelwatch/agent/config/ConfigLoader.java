package io.tunnelwatch.agent.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import io.tunnelwatch.agent.time.DurationText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Reads and validates the YAML configuration; {@code run} and {@code check-config} both go through
 * {@link #check}, so a file that passes the check is one the agent starts with.
 *
 * <p>Checking goes in stages, each reporting every problem it finds: the text ({@link
 * YamlTreeReader}: sizes, duplicate keys, syntax), its shape ({@link ShapeChecker}: keys and value
 * types), then the decoded values ({@link ConfigValidator}: references, ranges, files, secrets). A
 * value refused by an earlier stage is left out of the later ones, and what those find at, under or
 * above its key is not reported: it would only echo the first problem.
 */
public final class ConfigLoader {

  private final ObjectMapper mapper;
  private final YamlTreeReader reader = new YamlTreeReader();
  private final Function<String, @Nullable String> environment;

  public ConfigLoader() {
    this(System::getenv);
  }

  /**
   * @param environment where secrets named by {@code *_env} keys are looked up
   */
  public ConfigLoader(Function<String, @Nullable String> environment) {
    this.environment = environment;
    SimpleModule durations = new SimpleModule("tunnelwatch-durations");
    durations.addDeserializer(Duration.class, new DurationDeserializer());
    mapper =
        new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .registerModule(new Jdk8Module())
            .registerModule(durations);
  }

  /**
   * Reads, decodes and validates a configuration file.
   *
   * @throws ConfigException listing every problem found
   */
  public LoadedConfig check(Path file) throws ConfigException {
    String yaml;
    try {
      if (Files.isRegularFile(file) && Files.size(file) > YamlTreeReader.MAX_FILE_CHARS) {
        throw new ConfigException(
            file.toString(),
            List.of(
                new ConfigException.Problem(
                    "(file)",
                    "is larger than the maximum of "
                        + YamlTreeReader.MAX_FILE_CHARS / 1024 / 1024
                        + " MiB")));
      }
      yaml = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new ConfigException(
          file.toString(), List.of(new ConfigException.Problem("(file)", "no such file")));
    } catch (IOException e) {
      throw new ConfigException(
          file.toString(),
          List.of(new ConfigException.Problem("(file)", "cannot read: " + e.getMessage())));
    }
    return check(file.toString(), yaml, file.toAbsolutePath().getParent());
  }

  /** {@link #check(Path)}'s configuration, for callers that do not report warnings. */
  public AgentConfig load(Path file) throws ConfigException {
    return check(file).config();
  }

  /**
   * Decodes and validates configuration text.
   *
   * @param baseDir directory that relative file paths in the config are resolved against
   */
  public AgentConfig parse(String sourceName, String yaml, Path baseDir) throws ConfigException {
    return check(sourceName, yaml, baseDir).config();
  }

  /**
   * @param baseDir null when the configuration has no folder: relative paths are then left as given
   */
  LoadedConfig check(String sourceName, String yaml, @Nullable Path baseDir)
      throws ConfigException {
    YamlTreeReader.Result read = reader.read(yaml);
    List<ConfigException.Problem> refused = new ArrayList<>(read.problems());
    JsonNode tree = read.tree();
    if (tree == null || tree.isNull() || (tree.isTextual() && tree.asText().isEmpty())) {
      if (refused.isEmpty()) {
        refused.add(
            new ConfigException.Problem(ConfigPath.ROOT, "the file is empty; expected a mapping"));
      }
      throw new ConfigException(sourceName, refused);
    }
    ShapeChecker.Result shape = ShapeChecker.check(tree, AgentConfig.class);
    refused.addAll(shape.problems());
    if (!shape.tree().isObject()) {
      throw new ConfigException(sourceName, refused);
    }
    AgentConfig config;
    try {
      config = mapper.treeToValue(shape.tree(), AgentConfig.class);
    } catch (JsonMappingException e) {
      // The shape check should have caught it; say where rather than fail obscurely.
      refused.add(new ConfigException.Problem(path(e.getPath()), e.getOriginalMessage()));
      throw new ConfigException(sourceName, refused);
    } catch (IOException e) {
      throw new IllegalStateException("decoding a tree in memory", e);
    }
    boolean clusterGiven = shape.tree().path("cluster").isObject();
    ConfigValidator.Findings findings =
        new ConfigValidator(baseDir, environment).validate(config, clusterGiven);
    List<ConfigException.Problem> problems = new ArrayList<>(refused);
    findings.problems().stream()
        .filter(p -> refused.stream().noneMatch(r -> ConfigPath.related(p.path(), r.path())))
        .forEach(problems::add);
    if (!problems.isEmpty()) {
      throw new ConfigException(sourceName, problems, findings.warnings());
    }
    return new LoadedConfig(PathResolver.resolve(config, baseDir), findings.warnings());
  }

  /**
   * Checks a configuration that passed {@link #check} once {@code run --state-dir} has replaced its
   * history with a SQLite file: a cluster refuses it as it refuses {@code history.state_dir}.
   *
   * @param merged the file's configuration with the command line's history, and the file's warnings
   * @throws ConfigException naming {@code --state-dir}, with the file's warnings
   */
  public static void checkStateDirOverride(String sourceName, LoadedConfig merged)
      throws ConfigException {
    ConfigChecks checks = new ConfigChecks(null, variable -> null);
    if (merged.config().cluster().enabled()) {
      ClusterValidator.requireSharedHistory(checks, merged.config().history(), "--state-dir");
    }
    if (!checks.problems().isEmpty()) {
      throw new ConfigException(sourceName, checks.problems(), merged.warnings());
    }
  }

  private static String path(List<JsonMappingException.Reference> references) {
    String path = ConfigPath.ROOT;
    for (JsonMappingException.Reference ref : references) {
      if (ref.getIndex() >= 0) {
        path = ConfigPath.index(path, ref.getIndex());
      } else if (ref.getFieldName() != null) {
        path = ConfigPath.key(path, ref.getFieldName());
      }
    }
    return path;
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
