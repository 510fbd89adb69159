package io.tunnelwatch.agent.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** A union of half-open intervals [start, end) in epoch milliseconds, merged and sorted. */
final class IntervalSet {

  static final IntervalSet EMPTY = new IntervalSet(new long[0], new long[0]);

  private final long[] starts;
  private final long[] ends;

  private IntervalSet(long[] starts, long[] ends) {
    this.starts = starts;
    this.ends = ends;
  }

  static IntervalSet of(List<long[]> intervals) {
    List<long[]> sorted = new ArrayList<>(intervals);
    sorted.sort(Comparator.comparingLong(i -> i[0]));
    List<long[]> merged = new ArrayList<>();
    for (long[] interval : sorted) {
      if (interval[1] <= interval[0]) {
        continue;
      }
      long[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null && interval[0] <= last[1]) {
        last[1] = Math.max(last[1], interval[1]);
      } else {
        merged.add(new long[] {interval[0], interval[1]});
      }
    }
    long[] starts = new long[merged.size()];
    long[] ends = new long[merged.size()];
    for (int i = 0; i < merged.size(); i++) {
      starts[i] = merged.get(i)[0];
      ends[i] = merged.get(i)[1];
    }
    return new IntervalSet(starts, ends);
  }

  boolean contains(long t) {
    int i = Arrays.binarySearch(starts, t);
    int candidate = i >= 0 ? i : -i - 2;
    return candidate >= 0 && t < ends[candidate];
  }

  void addBoundaries(long from, long to, LongSet out) {
    for (int i = 0; i < starts.length; i++) {
      if (starts[i] > from && starts[i] < to) {
        out.add(starts[i]);
      }
      if (ends[i] > from && ends[i] < to) {
        out.add(ends[i]);
      }
    }
  }
}
