package io.tunnelwatch.agent.http.status;

import io.tunnelwatch.agent.events.DeviceMonitor;
import io.tunnelwatch.agent.events.Event;
import io.tunnelwatch.agent.events.EventTracker;
import io.tunnelwatch.agent.events.TrackedDevice;
import io.tunnelwatch.agent.events.TrackerSettings;
import io.tunnelwatch.agent.poll.DeviceStates;
import io.tunnelwatch.core.metrics.DeviceView;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Gathers a {@link StatusView} from the agent's live state, for each request of the page. */
public final class StatusPageSources {

  private static final Logger LOG = LoggerFactory.getLogger(StatusPageSources.class);

  /** How many of the latest events the page lists. */
  static final int RECENT_EVENTS = 20;

  /** Data this many poll intervals old is stale, as the history counts a coverage gap. */
  static final int STALE_POLL_INTERVALS = 3;

  private static final Comparator<TunnelVerdict> WORST_FIRST =
      Comparator.comparing(TunnelVerdict::verdict)
          .thenComparing(TunnelVerdict::device)
          .thenComparing(v -> v.tunnel().orElse(""));

  private static final Comparator<Event> MOST_SEVERE_OLDEST_FIRST =
      Comparator.comparing(Event::severity).reversed().thenComparing(Event::at);

  private final DeviceStates states;
  private final EventTracker tracker;
  private final Clock clock;
  private final StatusPageOptions options;

  public StatusPageSources(
      DeviceStates states, EventTracker tracker, Clock clock, StatusPageOptions options) {
    this.states = states;
    this.tracker = tracker;
    this.clock = clock;
    this.options = options;
  }

  /** Links to nothing outside the agent; the latest events are those still open. */
  public static StatusPageOptions defaults(EventTracker tracker) {
    return new StatusPageOptions(
        StatusLinks.NONE, RecentEvents.openedIn(tracker), device -> Optional.empty());
  }

  public StatusView view() {
    Instant now = clock.instant();
    List<DeviceView> devices = states.all();
    List<TunnelVerdict> verdicts = new ArrayList<>();
    List<Event> open = new ArrayList<>();
    for (DeviceView device : devices) {
      DeviceFacts facts = facts(device);
      open.addAll(facts.open());
      verdicts.addAll(TunnelVerdicts.of(facts, now));
    }
    verdicts.sort(WORST_FIRST);
    open.sort(MOST_SEVERE_OLDEST_FIRST);
    List<Event> recent = List.of();
    Optional<String> problem = Optional.empty();
    try {
      recent = new ArrayList<>(options.recentEvents().latest(RECENT_EVENTS, now));
      Collections.reverse(recent);
    } catch (RuntimeException e) {
      // The rest of the page matters more; the reason is logged, never shown (it may name a URL).
      LOG.warn("status page: the latest events cannot be read: {}", e.getMessage());
      problem = Optional.of("the history store cannot be read now; see the agent's log");
    }
    return new StatusView(now, devices, verdicts, open, recent, problem, options.links());
  }

  private DeviceFacts facts(DeviceView view) {
    Optional<DeviceMonitor> monitor = tracker.monitor(view.device());
    List<Event> open = monitor.map(m -> List.copyOf(m.tracked().open().values())).orElse(List.of());
    Set<String> peers = new HashSet<>();
    Set<String> tunnels = new HashSet<>();
    monitor.ifPresent(
        m -> {
          TrackedDevice tracked = m.tracked();
          TrackerSettings settings = m.settings();
          peers.addAll(tracked.seenPeers());
          peers.addAll(settings.expectedPeers());
          tunnels.addAll(tracked.seenTunnels());
          tunnels.addAll(settings.expectedTunnels());
        });
    return new DeviceFacts(
        view,
        open.stream().sorted(Comparator.comparing(Event::at)).toList(),
        peers,
        tunnels,
        options.pollInterval().apply(view.device()).map(i -> i.multipliedBy(STALE_POLL_INTERVALS)));
  }
}
