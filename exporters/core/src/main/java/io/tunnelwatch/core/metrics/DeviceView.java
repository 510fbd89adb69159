package io.tunnelwatch.core.metrics;

import io.tunnelwatch.core.model.DeviceSnapshot;
import java.util.List;
import java.util.Optional;

/**
 * What the agent currently knows about one device: poll health per source and the last good
 * snapshot (kept, with its age, while polls fail), with counters already made monotonic.
 *
 * @param device configured device name
 * @param sources health of each source the device is polled over
 * @param snapshot last good snapshot, empty until the first successful poll
 */
public record DeviceView(
    String device, List<SourceHealth> sources, Optional<DeviceSnapshot> snapshot) {

  public DeviceView {
    sources = List.copyOf(sources);
  }
}
