package io.tunnelwatch.agent.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunnelwatch.testing.chromium.HeadlessChromium;
import io.tunnelwatch.testing.process.CommandResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML report as a real browser renders it (Debian's chromium, headless). */
class HtmlReportChromiumIT {

  @TempDir Path dir;

  private Path page() throws Exception {
    Path page = dir.resolve("report.html");
    Files.writeString(
        page, Reports.render(ReportFormat.HTML, Reports.twoRouters()), StandardCharsets.UTF_8);
    return page;
  }

  @Test
  void theRenderedDomHoldsTheKeyFiguresWithoutPageErrors() throws Exception {
    CommandResult result = new HeadlessChromium(dir).run(page(), "--dump-dom");

    assertThat(result.exitCode()).isZero();
    assertThat(HeadlessChromium.pageErrors(result.stderr())).isEmpty();
    String dom = result.stdout();
    assertThat(dom)
        .contains("data-figure=\"fleet-availability\">95.556 %<")
        .contains("data-figure=\"fleet-outages\">3<")
        .contains("data-figure=\"fleet-downtime\">2 h<")
        .contains("data-figure=\"availability\">90.909 %<")
        .contains("data-figure=\"mttr\">40 min<")
        .contains("-4.924 points")
        .contains("<tr data-rank=\"1\"><td class=\"num\">1</td><td>R1</td>")
        .contains("still down at the end")
        .doesNotContain("<script");
    // four timelines (two ranking rows, two tunnel sections) of inline SVG
    assertThat(dom.split("class=\"timeline\"", -1)).hasSize(5);
  }

  @Test
  void aScreenshotIsWritten() throws Exception {
    Path png = dir.resolve("report.png");

    CommandResult result =
        new HeadlessChromium(dir).run(page(), "--window-size=1000,2400", "--screenshot=" + png);

    assertThat(result.exitCode()).isZero();
    assertThat(HeadlessChromium.pageErrors(result.stderr())).isEmpty();
    byte[] bytes = Files.readAllBytes(png);
    // a PNG signature and more than a blank page's worth of pixels
    assertThat(bytes).startsWith(0x89, 'P', 'N', 'G');
    assertThat(bytes.length).isGreaterThan(20_000);
  }

  @Test
  void theErrorCheckWouldSeeAnExternalResourceTheReportsPolicyBlocks() throws Exception {
    String html = Reports.render(ReportFormat.HTML, Reports.twoRouters());
    Path page = dir.resolve("tampered.html");
    Files.writeString(page, html.replace("</body>", "<img src=\"http://192.0.2.1/x.png\"></body>"));

    CommandResult result = new HeadlessChromium(dir).run(page, "--dump-dom");

    assertThat(HeadlessChromium.pageErrors(result.stderr())).isNotEmpty();
  }
}
