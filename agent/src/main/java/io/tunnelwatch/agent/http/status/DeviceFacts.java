package io.tunnelwatch.agent.http.status;

import io.tunnelwatch.agent.events.Event;
import io.tunnelwatch.core.metrics.DeviceView;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the agent knows about one device that a tunnel's verdict depends on.
 *
 * @param view the poll health and the last good snapshot
 * @param open the device's open conditions, with the events that opened them
 * @param ipsecPeers the IKE peers ever seen or expected on the device: a tunnel towards another
 *     address is plain GRE, with no phase 1 or phase 2 to check
 * @param expectedTunnels tunnels the device should have (seen before or configured), listed while
 *     it has no data yet
 * @param staleAfter data older than this is stale (three poll intervals); empty when the interval
 *     is not known
 */
public record DeviceFacts(
    DeviceView view,
    List<Event> open,
    Set<String> ipsecPeers,
    Set<String> expectedTunnels,
    Optional<Duration> staleAfter) {

  public DeviceFacts {
    Objects.requireNonNull(view, "view");
    open = List.copyOf(open);
    ipsecPeers = Set.copyOf(ipsecPeers);
    expectedTunnels = Set.copyOf(expectedTunnels);
    Objects.requireNonNull(staleAfter, "staleAfter");
  }

  public String device() {
    return view.device();
  }
}
