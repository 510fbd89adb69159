package io.tunnelwatch.agent.poll;

import io.tunnelwatch.core.counters.SeriesKey;
import io.tunnelwatch.core.metrics.DeviceView;
import io.tunnelwatch.core.metrics.SourceHealth;
import io.tunnelwatch.core.model.DeviceSnapshot;
import io.tunnelwatch.core.model.SnapshotMerger;
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
 * The agent's current view of every device. A device polled over SSH and SNMP keeps the last good
 * snapshot of each source; what is published is their merge ({@link SnapshotMerger}), with its
 * counters made monotonic by the caller. Each update replaces one device's view in one step, so a
 * scrape sees either the old or the new view of a device, never half of each.
 */
public final class DeviceStates {

  /** One device's published view and the raw last good snapshot of each source behind it. */
  private record Entry(DeviceView view, Map<Source, DeviceSnapshot> lastGood) {}

  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

  /** Registers a device before its first poll so that it shows as down rather than absent. */
  public void register(String device, List<Source> sources) {
    List<SourceHealth> health =
        sources.stream()
            .map(s -> new SourceHealth(s, false, Optional.empty(), Duration.ZERO))
            .toList();
    entries.putIfAbsent(
        device, new Entry(new DeviceView(device, health, Optional.empty()), Map.of()));
  }

  /**
   * Forgets a device: its series leave {@code /metrics} and {@code /probe} at the next scrape. The
   * caller makes sure that no poll of it records anything afterwards.
   */
  public void remove(String device) {
    entries.remove(device);
  }

  /**
   * Records a successful poll over one source without publishing its data yet.
   *
   * @return the merge of every source's last good data, for the caller to stitch and {@link
   *     #publish}
   */
  public DeviceSnapshot recordSourceSuccess(DeviceSnapshot snapshot, Duration took) {
    Entry updated =
        entries.compute(
            snapshot.device(),
            (device, old) -> {
              Map<Source, DeviceSnapshot> lastGood = new EnumMap<>(Source.class);
              if (old != null) {
                lastGood.putAll(old.lastGood());
              }
              lastGood.put(snapshot.source(), snapshot);
              SourceHealth health =
                  new SourceHealth(
                      snapshot.source(), true, Optional.of(snapshot.collectedAt()), took);
              DeviceView view =
                  old == null
                      ? new DeviceView(device, List.of(health), Optional.empty())
                      : new DeviceView(
                          device,
                          withHealth(old, health),
                          old.view().snapshot(),
                          old.view().counterCreated());
              return new Entry(view, Map.copyOf(lastGood));
            });
    return SnapshotMerger.merge(
        Optional.ofNullable(updated.lastGood().get(Source.SSH)),
        Optional.ofNullable(updated.lastGood().get(Source.SNMP)));
  }

  /**
   * Publishes a device's data.
   *
   * @param counterCreated when the agent began following each counter series
   */
  public void publish(DeviceSnapshot snapshot, Map<SeriesKey, Instant> counterCreated) {
    entries.compute(
        snapshot.device(),
        (device, old) ->
            new Entry(
                new DeviceView(
                    device,
                    old == null ? List.of() : old.view().sources(),
                    Optional.of(snapshot),
                    counterCreated),
                old == null ? Map.of() : old.lastGood()));
  }

  /** Records a failed poll: the last good snapshot stays, and so does its timestamp. */
  public void recordFailure(String device, Source source, Duration took) {
    entries.compute(
        device,
        (name, old) -> {
          Optional<Instant> lastSuccess =
              old == null
                  ? Optional.empty()
                  : old.view().sources().stream()
                      .filter(h -> h.source() == source)
                      .findFirst()
                      .flatMap(SourceHealth::lastSuccess);
          return new Entry(
              new DeviceView(
                  name,
                  withHealth(old, new SourceHealth(source, false, lastSuccess, took)),
                  old == null ? Optional.empty() : old.view().snapshot(),
                  old == null ? Map.of() : old.view().counterCreated()),
              old == null ? Map.of() : old.lastGood());
        });
  }

  private static List<SourceHealth> withHealth(Entry old, SourceHealth health) {
    Map<Source, SourceHealth> bySource = new EnumMap<>(Source.class);
    if (old != null) {
      old.view().sources().forEach(h -> bySource.put(h.source(), h));
    }
    bySource.put(health.source(), health);
    return new ArrayList<>(bySource.values());
  }

  /** All devices, sorted by name. */
  public List<DeviceView> all() {
    return entries.values().stream()
        .map(Entry::view)
        .sorted(Comparator.comparing(DeviceView::device))
        .toList();
  }

  public Optional<DeviceView> get(String device) {
    return Optional.ofNullable(entries.get(device)).map(Entry::view);
  }

  /** True once every registered device has been polled at least once, successfully or not. */
  public boolean allPolledOnce() {
    return entries.values().stream()
        .allMatch(e -> e.view().sources().stream().allMatch(h -> !h.lastPollDuration().isZero()));
  }
}
