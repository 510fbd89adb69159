package io.tunnelwatch.agent.events;

import java.time.Duration;
import java.util.Optional;

/**
 * Where each device's tracker state outlives the process: after a restart the agent continues from
 * what it knew (open conditions, learned tunnels and peers, rekey windows, counter series) instead
 * of starting blind. Implementations never throw: a store that fails is logged by them and the
 * agent goes on from memory.
 */
public interface DeviceStateStore {

  /** The state saved for the device, if any could be read. */
  Optional<SavedDeviceState> load(String device);

  /** Replaces what is saved for the device; durable when it returns. */
  void save(SavedDeviceState state);

  /** Forgets a device that is no longer configured. */
  void remove(String device);

  /**
   * How often a state that changed no condition is saved anyway. A database is spared a write per
   * poll; a store another agent continues from (the cluster's) wants every poll.
   */
  default Duration unchangedSaveInterval() {
    return DEFAULT_UNCHANGED_SAVE_INTERVAL;
  }

  /**
   * Counter series saved this long ago still continue exactly: the next delta is taken from the
   * saved raw value.
   */
  Duration DEFAULT_UNCHANGED_SAVE_INTERVAL = Duration.ofMinutes(1);

  /** Keeps nothing: every start begins from scratch (no history store configured). */
  static DeviceStateStore none() {
    return new DeviceStateStore() {
      @Override
      public Optional<SavedDeviceState> load(String device) {
        return Optional.empty();
      }

      @Override
      public void save(SavedDeviceState state) {}

      @Override
      public void remove(String device) {}
    };
  }
}
