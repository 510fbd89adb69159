package io.tunnelwatch.agent.report;

import io.tunnelwatch.agent.events.Event;
import io.tunnelwatch.agent.events.EventStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Pairs the OPENED and RESOLVED events of conditions into episodes. */
final class ConditionEpisodes {

  private ConditionEpisodes() {}

  /**
   * @param dataFrom where the events read begin (start of an episode resolved without opening)
   * @param dataTo where they end (end of an episode still open)
   */
  static List<Episode> of(List<Event> events, Instant dataFrom, Instant dataTo) {
    // rekeys are most of the events and never open anything: leave them out before sorting
    List<Event> sorted = new ArrayList<>();
    for (Event e : events) {
      if (e.kind().isCondition()) {
        sorted.add(e);
      }
    }
    sorted.sort(Comparator.comparing(Event::at));
    Map<String, Event> open = new HashMap<>();
    List<Episode> episodes = new ArrayList<>();
    for (Event e : sorted) {
      String key = e.conditionKey();
      if (e.status() == EventStatus.OPENED) {
        // a repeated opening does not restart the episode
        open.putIfAbsent(key, e);
      } else if (e.status() == EventStatus.RESOLVED) {
        Event opened = open.remove(key);
        Instant from = opened == null ? dataFrom : opened.at();
        episodes.add(new Episode(e.subject(), e.kind(), from, e.at()));
      }
    }
    open.values().stream()
        .sorted(Comparator.comparing(Event::at))
        .forEach(e -> episodes.add(new Episode(e.subject(), e.kind(), e.at(), dataTo)));
    episodes.sort(Comparator.comparing(Episode::from));
    return List.copyOf(episodes);
  }
}
