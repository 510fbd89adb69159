package io.tunnelwatch.testing.prometheus;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** A Prometheus rule file as written in {@code alerts/}: strictly decoded, unknown keys fail. */
public record RuleFile(List<Group> groups) {

  public record Group(String name, String interval, List<Rule> rules) {}

  /** One recording ({@code record}) or alerting ({@code alert}) rule. */
  public record Rule(
      String record,
      String alert,
      String expr,
      @JsonProperty("for") String forDuration,
      Map<String, String> labels,
      Map<String, String> annotations) {

    public String name() {
      return alert != null ? alert : record;
    }

    public boolean isAlert() {
      return alert != null;
    }
  }

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public static RuleFile read(Path path) throws IOException {
    return YAML.readValue(path.toFile(), RuleFile.class);
  }

  public Stream<Rule> rules() {
    return groups.stream().flatMap(g -> g.rules().stream());
  }
}
