package io.tunnelwatch.agent.poll;

import io.tunnelwatch.core.counters.SeriesKey;
import io.tunnelwatch.core.metrics.DeviceView;
import io.tunnelwatch.core.metrics.SourceHealth;
import io.tunnelwatch.core.model.DeviceSnapshot;
import io.tunnelwatch.core.model.Source;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The agent's current view of every device. Each poll replaces one device's view in one step, so a
 * scrape sees either the old or the new view of a device, never half of each.
 */
public final class DeviceStates {

  private final ConcurrentHashMap<String, DeviceView> views = new ConcurrentHashMap<>();

  /** Registers a device before its first poll so that it shows as down rather than absent. */
  public void register(String device, List<Source> sources) {
    List<SourceHealth> health =
        sources.stream()
            .map(s -> new SourceHealth(s, false, Optional.empty(), Duration.ZERO))
            .toList();
    views.putIfAbsent(device, new DeviceView(device, health, Optional.empty()));
  }

  /** Records a successful poll: the snapshot becomes the device's last good data. */
  public void recordSuccess(DeviceSnapshot snapshot, Duration took) {
    recordSuccess(snapshot, Map.of(), took);
  }

  /**
   * Records a successful poll whose counters were stitched.
   *
   * @param counterCreated when the agent began following each counter series
   */
  public void recordSuccess(
      DeviceSnapshot snapshot, Map<SeriesKey, Instant> counterCreated, Duration took) {
    views.compute(
        snapshot.device(),
        (device, old) ->
            new DeviceView(
                device,
                withHealth(
                    old,
                    new SourceHealth(
                        snapshot.source(), true, Optional.of(snapshot.collectedAt()), took)),
                Optional.of(snapshot),
                counterCreated));
  }

  /** Records a failed poll: the last good snapshot stays, and so does its timestamp. */
  public void recordFailure(String device, Source source, Duration took) {
    views.compute(
        device,
        (name, old) -> {
          Optional<Instant> lastSuccess =
              old == null
                  ? Optional.empty()
                  : old.sources().stream()
                      .filter(h -> h.source() == source)
                      .findFirst()
                      .flatMap(SourceHealth::lastSuccess);
          return new DeviceView(
              name,
              withHealth(old, new SourceHealth(source, false, lastSuccess, took)),
              old == null ? Optional.empty() : old.snapshot(),
              old == null ? Map.of() : old.counterCreated());
        });
  }

  private static List<SourceHealth> withHealth(DeviceView old, SourceHealth health) {
    Map<Source, SourceHealth> bySource = new EnumMap<>(Source.class);
    if (old != null) {
      old.sources().forEach(h -> bySource.put(h.source(), h));
    }
    bySource.put(health.source(), health);
    return new ArrayList<>(bySource.values());
  }

  /** All devices, sorted by name. */
  public List<DeviceView> all() {
    return views.values().stream().sorted(Comparator.comparing(DeviceView::device)).toList();
  }

  public Optional<DeviceView> get(String device) {
    return Optional.ofNullable(views.get(device));
  }

  /** True once every registered device has been polled at least once, successfully or not. */
  public boolean allPolledOnce() {
    return views.values().stream()
        .allMatch(v -> v.sources().stream().allMatch(h -> !h.lastPollDuration().isZero()));
  }
}
