package io.tunnelwatch.agent.alerting;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where an alert's links point: its runbook section, and the agent's status page for the device.
 * Both must be absolute: a pager or a chat message has no base address to resolve a relative one.
 *
 * @param runbookBaseUrl the published docs/runbook.md, without a fragment
 * @param statusPageUrl the agent's status page, e.g. {@code http://monitor1:9417/}
 */
public record AlertLinks(String runbookBaseUrl, String statusPageUrl) {

  public AlertLinks {
    Objects.requireNonNull(runbookBaseUrl, "runbookBaseUrl");
    Objects.requireNonNull(statusPageUrl, "statusPageUrl");
    statusPageUrl = statusPageUrl.endsWith("/") ? statusPageUrl : statusPageUrl + "/";
  }

  /** The runbook section of an alert: headings are the alert names, anchors their lower case. */
  public String runbook(String alertname) {
    return runbookBaseUrl + "#" + alertname.toLowerCase(Locale.ROOT);
  }

  /**
   * The agent's {@code /diagnose} of the device, for the peer when the alert is about one: from the
   * page to the cause in one click.
   */
  public String diagnose(String device, Optional<String> peer) {
    return statusPageUrl
        + "diagnose?target="
        + URLEncoder.encode(device, StandardCharsets.UTF_8)
        + peer.map(p -> "&peer=" + URLEncoder.encode(p, StandardCharsets.UTF_8)).orElse("");
  }

  /** The device's row on the status page. */
  public String device(String device) {
    return statusPageUrl + "#device-" + URLEncoder.encode(device, StandardCharsets.UTF_8);
  }
}
