package io.tunnelwatch.ios.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of an IOS {@code ping}.
 *
 * @param target the address pinged, as in the {@code Sending ...} line; empty when IOS printed none
 * @param sent echoes sent
 * @param received echo replies received
 * @param successPercent the success rate IOS printed
 * @param averageRoundTrip the average round trip, absent when no reply came back
 * @param successLine the {@code Success rate is ...} line, for evidence
 */
public record PingResult(
    String target,
    int sent,
    int received,
    int successPercent,
    Optional<Duration> averageRoundTrip,
    String successLine) {

  public PingResult {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(averageRoundTrip, "averageRoundTrip");
    Objects.requireNonNull(successLine, "successLine");
  }

  /** True when every echo was answered. */
  public boolean allReceived() {
    return sent > 0 && received == sent;
  }
}
