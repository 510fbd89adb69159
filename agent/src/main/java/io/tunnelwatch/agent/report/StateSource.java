package io.tunnelwatch.agent.report;

import io.tunnelwatch.agent.events.ObjectState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Something whose state over time can be asked at any instant and changes only at known instants.
 */
interface StateSource {

  ObjectState at(long millis);

  /** Adds every instant inside (from, to) at which the state may change. */
  void addBoundaries(long from, long to, LongSet out);

  /** Cuts the period into maximal segments of one state. */
  default List<Segment> timeline(ReportPeriod period) {
    long from = period.from().toEpochMilli();
    long to = period.to().toEpochMilli();
    LongSet cuts = new LongSet();
    cuts.add(from);
    cuts.add(to);
    addBoundaries(from, to, cuts);
    long[] points = cuts.sortedDistinct();
    List<Segment> segments = new ArrayList<>();
    long start = points[0];
    ObjectState state = at(start);
    for (int i = 1; i < points.length - 1; i++) {
      ObjectState next = at(points[i]);
      if (next != state) {
        segments.add(
            new Segment(Instant.ofEpochMilli(start), Instant.ofEpochMilli(points[i]), state));
        start = points[i];
        state = next;
      }
    }
    segments.add(new Segment(Instant.ofEpochMilli(start), Instant.ofEpochMilli(to), state));
    return List.copyOf(segments);
  }

  /**
   * Three-valued AND: down when either is down, up when both are up, otherwise unknown. A tunnel
   * whose line protocol is down is down whatever is known about its SAs.
   */
  static StateSource and(StateSource a, StateSource b) {
    return new StateSource() {
      @Override
      public ObjectState at(long millis) {
        ObjectState x = a.at(millis);
        ObjectState y = b.at(millis);
        if (x == ObjectState.DOWN || y == ObjectState.DOWN) {
          return ObjectState.DOWN;
        }
        return x == ObjectState.UP && y == ObjectState.UP ? ObjectState.UP : ObjectState.UNKNOWN;
      }

      @Override
      public void addBoundaries(long from, long to, LongSet out) {
        a.addBoundaries(from, to, out);
        b.addBoundaries(from, to, out);
      }
    };
  }

  /** The state of {@code inner} where {@code known} holds, unknown elsewhere. */
  static StateSource within(IntervalSet known, StateSource inner) {
    return new StateSource() {
      @Override
      public ObjectState at(long millis) {
        return known.contains(millis) ? inner.at(millis) : ObjectState.UNKNOWN;
      }

      @Override
      public void addBoundaries(long from, long to, LongSet out) {
        known.addBoundaries(from, to, out);
        inner.addBoundaries(from, to, out);
      }
    };
  }

  static StateSource of(StepFunction steps) {
    return new StateSource() {
      @Override
      public ObjectState at(long millis) {
        return steps.at(millis);
      }

      @Override
      public void addBoundaries(long from, long to, LongSet out) {
        steps.addBoundaries(from, to, out);
      }
    };
  }

  /** Unknown wherever {@code blind} holds (the device could not be polled), else {@code inner}. */
  static StateSource blindDuring(IntervalSet blind, StateSource inner) {
    return new StateSource() {
      @Override
      public ObjectState at(long millis) {
        return blind.contains(millis) ? ObjectState.UNKNOWN : inner.at(millis);
      }

      @Override
      public void addBoundaries(long from, long to, LongSet out) {
        blind.addBoundaries(from, to, out);
        inner.addBoundaries(from, to, out);
      }
    };
  }
}
