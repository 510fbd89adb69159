package io.tunnelwatch.agent.alerting;

import io.tunnelwatch.agent.events.Event;
import io.tunnelwatch.agent.events.Evidence;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The texts of an alert, written for the person paged: a summary short enough for a pager line that
 * names the device, the tunnel or peer and what broke, and a description in sentences.
 */
final class AlertTexts {

  /** Pager and chat previews cut longer lines. */
  static final int MAX_SUMMARY = 119;

  private static final DateTimeFormatter SINCE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private AlertTexts() {}

  static String summary(Event event) {
    String device = event.device();
    String peer = event.peer().orElse("?");
    String what =
        switch (event.kind()) {
          case PHASE1_FAILURE -> "IKE phase 1 with " + peer + " is failing";
          case PHASE2_FAILURE ->
              "IPsec phase 2 with " + peer + " is failing" + flow(event, " for flow ");
          case TUNNEL_DOWN ->
              event.subject().tunnel().orElse("tunnel")
                  + event.peer().map(p -> " to " + p).orElse("")
                  + " is down";
          case COUNTERS_STALLED ->
              "IPsec traffic with " + peer + " has stopped" + flow(event, ", ");
          case ONE_WAY_TRAFFIC ->
              "IPsec traffic with " + peer + " flows one way" + flow(event, ", ");
          case RENEGOTIATION_STORM ->
              "SAs with " + peer + " rekey far too often" + flow(event, ", ");
          case DEVICE_UNREACHABLE -> "cannot be polled";
          case HIGH_CPU -> "CPU is above its threshold";
          default -> event.kind().wireName().replace('_', ' ');
        };
    return cut(device + ": " + what);
  }

  /**
   * The event's own text (what was seen; likely cause; next check) as sentences, then the evidence
   * and since when.
   */
  static String description(Event event) {
    StringBuilder text = new StringBuilder();
    for (String part : event.summary().split("; ")) {
      text.append(sentence(part)).append(' ');
    }
    if (!event.evidence().isEmpty()) {
      text.append("Evidence: ")
          .append(
              event.evidence().stream().map(AlertTexts::evidence).collect(Collectors.joining("; ")))
          .append(". ");
    }
    text.append("Open since ").append(SINCE.format(event.at())).append('.');
    return text.toString();
  }

  private static String flow(Event event, String prefix) {
    return event.subject().flow().map(f -> prefix + f).orElse("");
  }

  private static String evidence(Evidence evidence) {
    if (evidence.before().isEmpty()) {
      return evidence.name() + " " + evidence.after();
    }
    return evidence.name() + " was " + evidence.before() + ", now " + evidence.after();
  }

  private static String sentence(String part) {
    String trimmed = part.strip();
    if (trimmed.isEmpty()) {
      return "";
    }
    String capitalised = Character.toUpperCase(trimmed.charAt(0)) + trimmed.substring(1);
    return capitalised.endsWith(".") ? capitalised : capitalised + ".";
  }

  private static String cut(String text) {
    return text.length() <= MAX_SUMMARY ? text : text.substring(0, MAX_SUMMARY - 1) + "…";
  }
}
