package io.tunnelwatch.core.metrics;

import io.tunnelwatch.core.counters.SeriesKey;
import io.tunnelwatch.core.model.DeviceSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the agent currently knows about one device: poll health per source and the last good
 * snapshot (kept, with its age, while polls fail), with counters already made monotonic.
 *
 * @param device configured device name
 * @param sources health of each source the device is polled over
 * @param snapshot last good snapshot, empty until the first successful poll
 * @param counterCreated when the agent began following each counter series of the snapshot (the
 *     created timestamp of its {@code _total} series); a series missing here has none
 */
public record DeviceView(
    String device,
    List<SourceHealth> sources,
    Optional<DeviceSnapshot> snapshot,
    Map<SeriesKey, Instant> counterCreated) {

  public DeviceView {
    sources = List.copyOf(sources);
    counterCreated = Map.copyOf(counterCreated);
  }

  /** A view without created timestamps. */
  public DeviceView(String device, List<SourceHealth> sources, Optional<DeviceSnapshot> snapshot) {
    this(device, sources, snapshot, Map.of());
  }
}
