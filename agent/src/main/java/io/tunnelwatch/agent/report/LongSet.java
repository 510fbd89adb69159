package io.tunnelwatch.agent.report;

import java.util.Arrays;

/** A growable list of instants in epoch milliseconds, sorted and deduplicated on demand. */
final class LongSet {

  private long[] values = new long[16];
  private int size;

  void add(long value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = value;
  }

  long[] sortedDistinct() {
    long[] sorted = Arrays.copyOf(values, size);
    Arrays.sort(sorted);
    int distinct = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (i == 0 || sorted[i] != sorted[distinct - 1]) {
        sorted[distinct++] = sorted[i];
      }
    }
    return Arrays.copyOf(sorted, distinct);
  }
}
