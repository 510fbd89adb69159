package io.tunnelwatch.agent.http.status;

import io.tunnelwatch.agent.events.Event;
import io.tunnelwatch.core.metrics.DeviceView;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one rendering of the status page shows, gathered at one instant.
 *
 * @param devices every device, by name
 * @param verdicts one per tunnel, worst first
 * @param openConditions the events that opened the conditions still open, most severe and oldest
 *     first
 * @param recentEvents the latest events, newest first
 * @param recentEventsProblem why the latest events could not be read, if so
 */
public record StatusView(
    Instant now,
    List<DeviceView> devices,
    List<TunnelVerdict> verdicts,
    List<Event> openConditions,
    List<Event> recentEvents,
    Optional<String> recentEventsProblem,
    StatusLinks links) {

  public StatusView {
    Objects.requireNonNull(now, "now");
    devices = List.copyOf(devices);
    verdicts = List.copyOf(verdicts);
    openConditions = List.copyOf(openConditions);
    recentEvents = List.copyOf(recentEvents);
    Objects.requireNonNull(recentEventsProblem, "recentEventsProblem");
    Objects.requireNonNull(links, "links");
  }
}
