package io.tunnelwatch.agent.http.status;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the status page needs beyond the device states and the tracker.
 *
 * @param links where its links lead
 * @param recentEvents where its list of the latest events comes from
 * @param pollInterval each device's poll interval, when known: data three intervals old is stale
 */
public record StatusPageOptions(
    StatusLinks links,
    RecentEvents recentEvents,
    Function<String, Optional<Duration>> pollInterval) {

  public StatusPageOptions {
    Objects.requireNonNull(links, "links");
    Objects.requireNonNull(recentEvents, "recentEvents");
    Objects.requireNonNull(pollInterval, "pollInterval");
  }
}
