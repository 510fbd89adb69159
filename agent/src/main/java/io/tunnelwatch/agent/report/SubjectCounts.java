package io.tunnelwatch.agent.report;

import io.tunnelwatch.agent.events.Event;
import io.tunnelwatch.agent.events.EventKind;
import io.tunnelwatch.agent.events.EventStatus;
import io.tunnelwatch.agent.events.ObjectRef;
import io.tunnelwatch.agent.history.UsageBucket;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/** Counts events, episodes and traffic of one subject inside a period. */
final class SubjectCounts {

  private SubjectCounts() {}

  static int occurrences(
      List<Event> events, ReportPeriod period, Predicate<ObjectRef> subject, EventKind kind) {
    int n = 0;
    for (Event e : events) {
      if (e.kind() == kind
          && e.status() != EventStatus.RESOLVED
          && period.contains(e.at())
          && subject.test(e.subject())) {
        n++;
      }
    }
    return n;
  }

  static Problems problems(
      List<Event> events,
      List<Episode> episodes,
      ReportPeriod period,
      Predicate<ObjectRef> subject) {
    int stalls = 0;
    long stallMillis = 0;
    int oneWay = 0;
    long oneWayMillis = 0;
    for (Episode e : episodes) {
      if (!subject.test(e.subject())) {
        continue;
      }
      long overlap = period.overlapMillis(e.from(), e.to());
      boolean inPeriod = overlap > 0 || period.contains(e.from());
      if (inPeriod && e.kind() == EventKind.COUNTERS_STALLED) {
        stalls++;
        stallMillis += overlap;
      } else if (inPeriod && e.kind() == EventKind.ONE_WAY_TRAFFIC) {
        oneWay++;
        oneWayMillis += overlap;
      }
    }
    Map<EventKind, Integer> opened = new EnumMap<>(EventKind.class);
    for (Event e : events) {
      if (e.status() != EventStatus.RESOLVED
          && period.contains(e.at())
          && subject.test(e.subject())) {
        opened.merge(e.kind(), 1, Integer::sum);
      }
    }
    return new Problems(
        opened.getOrDefault(EventKind.PHASE1_FAILURE, 0),
        opened.getOrDefault(EventKind.PHASE2_FAILURE, 0),
        opened.getOrDefault(EventKind.RENEGOTIATION_STORM, 0),
        stalls,
        stallMillis,
        oneWay,
        oneWayMillis,
        opened.getOrDefault(EventKind.TUNNEL_FLAP, 0));
  }

  static Traffic traffic(
      List<UsageBucket> usage, ReportPeriod period, Predicate<ObjectRef> subject) {
    long tx = 0;
    long rx = 0;
    Map<LocalDate, long[]> days = new TreeMap<>();
    for (UsageBucket u : usage) {
      if (period.contains(u.hour()) && subject.test(u.subject())) {
        tx += u.transmitBytes();
        rx += u.receiveBytes();
        long[] day =
            days.computeIfAbsent(
                // epoch days are UTC days; cheaper than a zone conversion per bucket
                LocalDate.ofEpochDay(Math.floorDiv(u.hour().getEpochSecond(), 86_400L)),
                d -> new long[2]);
        day[0] += u.transmitBytes();
        day[1] += u.receiveBytes();
      }
    }
    return new Traffic(
        tx,
        rx,
        days.entrySet().stream()
            .map(e -> new DailyTraffic(e.getKey(), e.getValue()[0], e.getValue()[1]))
            .toList());
  }

  /** Rekeys the lifetime explains over the up segments of a timeline. */
  static long expectedRekeys(List<Segment> timeline, long lifetimeMillis) {
    long expected = 0;
    for (Segment s : timeline) {
      if (s.state() == io.tunnelwatch.agent.events.ObjectState.UP) {
        expected += (s.millis() + lifetimeMillis - 1) / lifetimeMillis;
      }
    }
    return expected;
  }
}
