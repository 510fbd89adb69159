package io.tunnelwatch.agent.report;

import io.tunnelwatch.agent.events.ObjectState;
import io.tunnelwatch.agent.events.StateTransition;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The state of one object over time as its transitions describe it: from each transition on, the
 * object is in the transition's target state; before the first one its state is unknown.
 */
final class StepFunction {

  static final StepFunction UNKNOWN = new StepFunction(new long[0], new ObjectState[0]);

  private final long[] times;
  private final ObjectState[] states;

  private StepFunction(long[] times, ObjectState[] states) {
    this.times = times;
    this.states = states;
  }

  static StepFunction of(List<StateTransition> transitions) {
    // A stable sort keeps the recorded order of transitions that share an instant.
    StateTransition[] sorted =
        transitions.stream()
            .sorted(Comparator.comparing(StateTransition::at))
            .toArray(StateTransition[]::new);
    long[] times = new long[sorted.length];
    ObjectState[] states = new ObjectState[sorted.length];
    for (int i = 0; i < sorted.length; i++) {
      times[i] = sorted[i].at().toEpochMilli();
      states[i] = sorted[i].to();
    }
    return new StepFunction(times, states);
  }

  ObjectState at(long millis) {
    int i = Arrays.binarySearch(times, millis);
    if (i >= 0) {
      // several transitions at one instant: the last one recorded wins
      while (i + 1 < times.length && times[i + 1] == millis) {
        i++;
      }
      return states[i];
    }
    int before = -i - 2;
    return before < 0 ? ObjectState.UNKNOWN : states[before];
  }

  boolean isEmpty() {
    return times.length == 0;
  }

  void addBoundaries(long from, long to, LongSet out) {
    for (long t : times) {
      if (t > from && t < to) {
        out.add(t);
      }
    }
  }
}
