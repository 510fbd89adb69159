package io.tunnelwatch.testing.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The parts of a Grafana dashboard JSON file that the checks need. */
public record Dashboard(String file, JsonNode json) {

  /** One PromQL query of one panel. */
  public record PanelQuery(String dashboard, String panel, String refId, String expr) {
    public String where() {
      return dashboard + " / \"" + panel + "\" / " + refId;
    }
  }

  /** A template variable: {@code query} is the PromQL of a query variable, else empty. */
  public record Variable(String name, String type, String query) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  public static Dashboard read(Path path) throws IOException {
    return new Dashboard(path.getFileName().toString(), JSON.readTree(path.toFile()));
  }

  public List<Variable> variables() {
    List<Variable> out = new ArrayList<>();
    for (JsonNode v : json.path("templating").path("list")) {
      JsonNode query = v.path("query");
      String text = query.isObject() ? query.path("query").asText("") : query.asText("");
      out.add(new Variable(v.path("name").asText(), v.path("type").asText(), text));
    }
    return out;
  }

  /** Every panel, including those nested in collapsed rows. */
  public List<JsonNode> panels() {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode p : json.path("panels")) {
      out.add(p);
      p.path("panels").forEach(out::add);
    }
    return out;
  }

  public List<PanelQuery> queries() {
    List<PanelQuery> out = new ArrayList<>();
    for (JsonNode panel : panels()) {
      for (JsonNode target : panel.path("targets")) {
        out.add(
            new PanelQuery(
                file,
                panel.path("title").asText(),
                target.path("refId").asText(),
                target.path("expr").asText("")));
      }
    }
    return out;
  }

  /** Every object found under a {@code datasource} key, anywhere in the file. */
  public List<JsonNode> datasourceReferences() {
    List<JsonNode> out = new ArrayList<>();
    collect(json, out);
    return out;
  }

  private static void collect(JsonNode node, List<JsonNode> out) {
    node.properties()
        .forEach(
            e -> {
              if (e.getKey().equals("datasource")) {
                out.add(e.getValue());
              }
            });
    node.elements().forEachRemaining(child -> collect(child, out));
  }
}
