package io.tunnelwatch.agent.http.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunnelwatch.agent.config.AlertingConfig;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatusLinksTest {

  private final StatusLinks links =
      StatusLinks.of(
          new AlertingConfig(
                  List.of("http://am-1:9093/", "http://am-2:9093"),
                  List.of(),
                  Duration.ofMinutes(1))
              .withGrafanaUrl("https://grafana.example.net/"));

  @Test
  void diagnoseIsRelativeWithEncodedValues() {
    assertThat(links.diagnose("R1", "200.0.0.1")).isEqualTo("diagnose?target=R1&peer=200.0.0.1");
    assertThat(links.diagnose("R 1&x", "a\"<b>"))
        .isEqualTo("diagnose?target=R+1%26x&peer=a%22%3Cb%3E");
  }

  @Test
  void dashboardsAreTheUidsOfDashboardsWithTheirVariables() {
    assertThat(links.fleetDashboard()).hasValue("https://grafana.example.net/d/tunnelwatch-fleet");
    assertThat(links.routerDashboard("R1"))
        .hasValue("https://grafana.example.net/d/tunnelwatch-router?var-device=R1");
    assertThat(links.tunnelDashboard("R1", "Tunnel10", Optional.of("200.0.0.1")))
        .hasValue(
            "https://grafana.example.net/d/tunnelwatch-tunnel?var-device=R1&var-tunnel=Tunnel10"
                + "&var-peer=200.0.0.1");
    assertThat(links.tunnelDashboard("R1", "Tunnel10", Optional.empty()))
        .hasValue(
            "https://grafana.example.net/d/tunnelwatch-tunnel?var-device=R1&var-tunnel=Tunnel10");
  }

  @Test
  void alertsAreOnTheFirstAlertmanager() {
    assertThat(links.alerts()).hasValue("http://am-1:9093/#/alerts");
  }

  @Test
  void withoutGrafanaOrAlertmanagerThereAreNoSuchLinks() {
    assertThat(StatusLinks.NONE.fleetDashboard()).isEmpty();
    assertThat(StatusLinks.NONE.routerDashboard("R1")).isEmpty();
    assertThat(StatusLinks.NONE.alerts()).isEmpty();
    assertThat(StatusLinks.of(AlertingConfig.NONE)).isEqualTo(StatusLinks.NONE);
  }
}
