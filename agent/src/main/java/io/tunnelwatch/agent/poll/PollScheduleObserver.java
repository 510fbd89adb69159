package io.tunnelwatch.agent.poll;

import java.time.Duration;
import java.util.List;

/** Hears how well the scheduler keeps each device on its interval. */
public interface PollScheduleObserver {

  /** An observer that tells each of {@code observers}, in order. */
  static PollScheduleObserver all(List<PollScheduleObserver> observers) {
    List<PollScheduleObserver> copy = List.copyOf(observers);
    return new PollScheduleObserver() {
      @Override
      public void pollStarted(String device, Duration lag) {
        copy.forEach(o -> o.pollStarted(device, lag));
      }

      @Override
      public void pollSkipped(String device, Duration lag) {
        copy.forEach(o -> o.pollSkipped(device, lag));
      }
    };
  }

  /** A poll started {@code lag} after the time it was due. */
  void pollStarted(String device, Duration lag);

  /**
   * A poll was due so long ago that the device's next poll is already due too: the late one is
   * dropped in favour of the next, and the workers cannot keep up with the fleet.
   */
  void pollSkipped(String device, Duration lag);
}
