package io.tunnelwatch.agent.http.status;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.OptionalLong;

/** The small pieces of HTML every section of the status page writes. */
final class Html {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private Html() {}

  /** Text made safe for element content and quoted attribute values. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int at = 0; at < text.length(); at++) {
      char c = text.charAt(at);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  static String link(String href, String text) {
    return "<a href=\"" + escape(href) + "\">" + escape(text) + "</a>";
  }

  static String state(boolean up, String upText, String downText) {
    return up
        ? "<span class=\"up\">" + escape(upText) + "</span>"
        : "<span class=\"down\">" + escape(downText) + "</span>";
  }

  static String time(Instant at) {
    return TIME.format(at);
  }

  static String count(OptionalLong value) {
    return value.isPresent() ? String.format("%,d", value.getAsLong()) : "–";
  }

  static String seconds(OptionalLong value) {
    return value.isPresent() ? age(Duration.ofSeconds(value.getAsLong())) : "–";
  }

  static String age(Instant then, Instant now) {
    Duration d = Duration.between(then, now);
    return age(d.isNegative() ? Duration.ZERO : d);
  }

  static String age(Duration d) {
    if (d.toDays() > 0) {
      return d.toDays() + " d " + d.toHoursPart() + " h";
    }
    if (d.toHours() > 0) {
      return d.toHours() + " h " + d.toMinutesPart() + " min";
    }
    if (d.toMinutes() > 0) {
      return d.toMinutes() + " min " + d.toSecondsPart() + " s";
    }
    return d.toSeconds() + " s";
  }
}
