package io.tunnelwatch.testing.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlNamesTest {

  @Test
  void findsMetricsAndRecordingRulesButNotFunctionsLabelsOrKeywords() {
    String expr =
        "topk(10, sum by (device, peer) (increase(tunnelwatch_ike_rekeys_total{device=~\"R1|up\","
            + "peer!=\"x\"}[1h]))) > on (device, peer) group_left(state) "
            + "(device_peer_flow:tunnelwatch_ipsec_packets_encrypted:rate5m * 1e3 + 0.5)"
            + " or vector(0) unless ALERTS{alertstate=\"firing\"} offset 5m and bool up";

    assertThat(PromQlNames.metricNames(expr))
        .containsExactlyInAnyOrder(
            "tunnelwatch_ike_rekeys_total",
            "device_peer_flow:tunnelwatch_ipsec_packets_encrypted:rate5m",
            "ALERTS",
            "up");
  }

  @Test
  void aSelectorWithOnlyMatchersNamesNoMetric() {
    assertThat(PromQlNames.metricNames("count({__name__=~\"tunnelwatch_.+\"})")).isEmpty();
  }
}
