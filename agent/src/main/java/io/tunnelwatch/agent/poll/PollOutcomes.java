package io.tunnelwatch.agent.poll;

import io.tunnelwatch.core.model.DeviceSnapshot;

/**
 * Told how each poll of a device ended, once per poll however many sources it read: with the
 * snapshot as published (merged, counters stitched), or with every source failing.
 */
public interface PollOutcomes {

  PollOutcomes NONE =
      new PollOutcomes() {
        @Override
        public void published(DeviceSnapshot snapshot) {}

        @Override
        public void failed(String device) {}
      };

  void published(DeviceSnapshot snapshot);

  void failed(String device);
}
