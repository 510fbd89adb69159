package io.tunnelwatch.agent.diagnose;

import java.util.List;
import java.util.Objects;

/**
 * One point where two ends of a tunnel are not configured as mirror images of each other.
 *
 * @param topic what the finding is about
 * @param summary one sentence naming both devices
 * @param linesA the configuration lines of the first device that show it (keys redacted)
 * @param linesB the configuration lines of the second device that show it (keys redacted)
 */
public record MirrorFinding(
    ConfigTopic topic, String summary, List<String> linesA, List<String> linesB) {

  public MirrorFinding {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(summary, "summary");
    linesA = List.copyOf(linesA);
    linesB = List.copyOf(linesB);
  }
}
