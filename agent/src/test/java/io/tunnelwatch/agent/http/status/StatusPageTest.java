package io.tunnelwatch.agent.http.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunnelwatch.agent.diagnose.Rung;
import io.tunnelwatch.agent.events.Event;
import io.tunnelwatch.agent.events.EventKind;
import io.tunnelwatch.agent.events.EventStatus;
import io.tunnelwatch.agent.events.ObjectRef;
import io.tunnelwatch.agent.events.Severity;
import io.tunnelwatch.agent.http.status.TunnelVerdict.Finding;
import io.tunnelwatch.core.metrics.DeviceView;
import io.tunnelwatch.core.metrics.SourceHealth;
import io.tunnelwatch.core.model.Source;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatusPageTest {

  private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
  private static final String HOSTILE = "<script>alert('x')</script>";
  private static final StatusLinks LINKS =
      new StatusLinks(Optional.of("http://grafana:3000"), Optional.of("http://am:9093"));

  private static final Event PHASE1 =
      new Event(
          NOW.minusSeconds(95),
          ObjectRef.peer("R1", "200.0.0.1"),
          EventKind.PHASE1_FAILURE,
          EventStatus.OPENED,
          Severity.CRITICAL,
          "R1: IKE phase 1 to 200.0.0.1 not established (MM_KEY_EXCH, 2 polls)",
          List.of());

  private static TunnelVerdict down(String peer) {
    return new TunnelVerdict(
        "R1",
        Optional.of("Tunnel10"),
        Optional.of(peer),
        Verdict.DOWN,
        List.of(
            new Finding(Rung.PHASE1, Verdict.DOWN, "IKE phase 1 to " + peer + " failing"),
            new Finding(Rung.REACH_DEVICE, Verdict.DEGRADED, "CPU at 95%")));
  }

  private static final TunnelVerdict HEALTHY =
      new TunnelVerdict(
          "R2", Optional.of("Tunnel12"), Optional.of("100.0.0.1"), Verdict.HEALTHY, List.of());

  private static String render(List<TunnelVerdict> verdicts, Optional<String> historyProblem) {
    DeviceView r1 =
        new DeviceView(
            "R1",
            List.of(new SourceHealth(Source.SSH, true, Optional.of(NOW), Duration.ofMillis(5))),
            Optional.empty());
    return StatusPage.render(
        new StatusView(
            NOW,
            List.of(r1),
            verdicts,
            List.of(PHASE1),
            historyProblem.isPresent() ? List.of() : List.of(PHASE1),
            historyProblem,
            LINKS));
  }

  @Test
  void aDownTunnelShowsItsVerdictRungCauseAndTheOtherFindings() {
    String page = render(List.of(down("200.0.0.1"), HEALTHY), Optional.empty());

    assertThat(page)
        .contains("<tr data-verdict=\"down\" data-device=\"R1\" data-tunnel=\"Tunnel10\">")
        .contains("<span class=\"verdict v-down\">down</span>")
        .contains("<td>4 phase 1</td>")
        .contains("phase 1: IKE phase 1 to 200.0.0.1 failing")
        .contains("<li>also degraded: device: CPU at 95%</li>")
        .contains("<span class=\"v-down\">1 down</span>")
        .contains("<span class=\"v-healthy\">1 healthy</span>")
        .contains("<span class=\"v-none\">0 unknown</span>");
  }

  @Test
  void onlyTunnelsNotHealthyLinkToTheDiagnosisAndAllToTheirDashboard() {
    String page = render(List.of(down("200.0.0.1"), HEALTHY), Optional.empty());

    assertThat(page)
        .contains("<a href=\"diagnose?target=R1&amp;peer=200.0.0.1\">diagnose</a>")
        .doesNotContain("diagnose?target=R2")
        .contains(
            "<a href=\"http://grafana:3000/d/tunnelwatch-tunnel?var-device=R2&amp;var-tunnel=Tunnel12"
                + "&amp;var-peer=100.0.0.1\">dashboard</a>")
        .contains("<a href=\"http://grafana:3000/d/tunnelwatch-router?var-device=R1\">R1</a>")
        .contains("<a href=\"http://am:9093/#/alerts\">Alertmanager</a>")
        .contains("<a href=\"http://grafana:3000/d/tunnelwatch-fleet\">Grafana fleet</a>");
  }

  @Test
  void openConditionsAndTheLatestEventsShowSeveritySummaryAndSince() {
    String page = render(List.of(down("200.0.0.1")), Optional.empty());

    assertThat(page)
        .contains("<tr data-condition=\"phase1_failure\" data-device=\"R1\">")
        .contains("<span class=\"sev-critical\">critical</span>")
        .contains("R1: IKE phase 1 to 200.0.0.1 not established (MM_KEY_EXCH, 2 polls)")
        .contains("2026-11-28 09:58:25Z<br><span class=\"muted\">1 min 35 s ago</span>")
        .contains("phase1_failure opened");
  }

  @Test
  void hostilePeerTextIsEscapedEverywhere() {
    String page = render(List.of(down(HOSTILE)), Optional.empty());

    assertThat(page).doesNotContain(HOSTILE).doesNotContain("<script");
    assertThat(page)
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
        .contains("diagnose?target=R1&amp;peer=%3Cscript%3Ealert%28%27x%27%29%3C%2Fscript%3E");
  }

  @Test
  void anUnreadableHistoryIsSaidAndTheRestStillShows() {
    String page =
        render(List.of(down("200.0.0.1")), Optional.of("the history store cannot be read now"));

    assertThat(page)
        .contains("the history store cannot be read now")
        .contains("data-verdict=\"down\"")
        .doesNotContain("phase1_failure opened");
  }

  @Test
  void withNothingKnownThePageSaysSo() {
    String page =
        StatusPage.render(
            new StatusView(
                NOW,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                Optional.empty(),
                StatusLinks.NONE));

    assertThat(page)
        .contains("No tunnel known yet.")
        .contains("None: nothing is failing.")
        .contains("None recorded yet.")
        .doesNotContain("Alertmanager")
        .doesNotContain("Grafana");
  }
}
