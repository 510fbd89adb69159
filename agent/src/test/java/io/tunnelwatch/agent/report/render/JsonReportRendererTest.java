package io.tunnelwatch.agent.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonReportRendererTest {

  private static JsonNode document() throws IOException {
    return new ObjectMapper().readTree(Reports.render(ReportFormat.JSON, Reports.twoRouters()));
  }

  @Test
  void carriesTheFiguresUnderStableSnakeCaseKeys() throws IOException {
    JsonNode root = document();

    assertThat(root.path("schema").asText()).isEqualTo("tunnelwatch.report/1");
    assertThat(root.path("period").path("from").asText()).isEqualTo("2026-11-02T00:00:00Z");
    assertThat(root.path("fleet").path("availability").path("percent").decimalValue())
        .isEqualByComparingTo("95.556");
    assertThat(root.path("ranking").get(0).asText()).isEqualTo("R1/tunnel/Tunnel10");
    JsonNode tunnel = root.path("tunnels").get(0);
    assertThat(tunnel.path("availability").path("mttr_seconds").decimalValue())
        .isEqualByComparingTo("2400");
    assertThat(tunnel.path("change").path("availability_points").decimalValue())
        .isEqualByComparingTo("-4.924");
    assertThat(tunnel.path("outages").get(0).path("started_before_period").asBoolean()).isTrue();
    assertThat(tunnel.path("outages").get(2).path("ongoing_at_end").asBoolean()).isTrue();
    assertThat(tunnel.path("timeline").get(4).path("state").asText()).isEqualTo("unknown");
    assertThat(root.path("tunnels").get(1).path("availability").path("mtbf_seconds").isNull())
        .isTrue();
  }

  @Test
  void everyKeyIsSnakeCase() throws IOException {
    List<String> keys = new ArrayList<>();
    collect(document(), keys);

    assertThat(keys).isNotEmpty().allMatch(k -> k.matches("[a-z][a-z0-9_]*"), "snake_case");
  }

  private static void collect(JsonNode node, List<String> keys) {
    node.fields()
        .forEachRemaining(
            e -> {
              keys.add(e.getKey());
              collect(e.getValue(), keys);
            });
    if (node.isArray()) {
      node.forEach(child -> collect(child, keys));
    }
  }
}
