package io.tunnelwatch.core.counters;

import io.tunnelwatch.core.model.DeviceSnapshot;
import io.tunnelwatch.core.model.IpsecFlow;
import io.tunnelwatch.core.model.TunnelInterface;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;

/**
 * Makes a device's counters monotonic across resets and wraps (counter semantics in
 * docs/metrics.md). A pure function of the previous series states and the new snapshot.
 */
public final class CounterStitcher {

  private CounterStitcher() {}

  /**
   * The stitched snapshot and the series states to keep for the next poll.
   *
   * @param series every series followed so far, including ones absent from this snapshot
   */
  public record Result(DeviceSnapshot snapshot, Map<SeriesKey, SeriesState> series) {
    public Result {
      series = Map.copyOf(series);
    }

    /** When the agent began following each series, for the exposition's created timestamps. */
    public Map<SeriesKey, Instant> createdTimes() {
      Map<SeriesKey, Instant> created = new HashMap<>();
      series.forEach((key, state) -> created.put(key, state.createdAt()));
      return created;
    }
  }

  /**
   * @param previous series states after the previous poll (empty at the first)
   * @param raw the snapshot as the router reported it
   * @param restartedObjects objects (see {@link SeriesKey#object()}) whose counters are known to
   *     have restarted since the previous poll even if they did not go down, e.g. after a reboot
   */
  public static Result stitch(
      Map<SeriesKey, SeriesState> previous, DeviceSnapshot raw, Set<String> restartedObjects) {
    Map<SeriesKey, SeriesState> next = new HashMap<>(previous);
    Instant at = raw.collectedAt();
    var tunnels = raw.tunnels().stream().map(t -> stitch(next, t, restartedObjects, at)).toList();
    var flows = raw.ipsecFlows().stream().map(f -> stitch(next, f, restartedObjects, at)).toList();
    DeviceSnapshot stitched =
        new DeviceSnapshot(
            raw.device(),
            raw.source(),
            raw.collectedAt(),
            tunnels,
            raw.ikeSas(),
            flows,
            raw.cpu(),
            raw.uptime(),
            raw.failureCounters(),
            raw.failures());
    return new Result(stitched, next);
  }

  private static TunnelInterface stitch(
      Map<SeriesKey, SeriesState> next, TunnelInterface t, Set<String> restarted, Instant at) {
    String object = SeriesKey.tunnelObject(t.name());
    return new TunnelInterface(
        t.name(),
        t.adminUp(),
        t.lineProtocolUp(),
        t.sourceAddress(),
        t.destinationAddress(),
        t.mode(),
        CounterField.interfaceCounters(
            series(next, object, CounterField.of(t.counters()), restarted, at)));
  }

  private static IpsecFlow stitch(
      Map<SeriesKey, SeriesState> next, IpsecFlow f, Set<String> restarted, Instant at) {
    String object = SeriesKey.flowObject(f.peer(), f.flow());
    return new IpsecFlow(
        f.peer(),
        f.flow(),
        f.interfaceName(),
        f.up(),
        f.spis(),
        f.lifetimeRemainingSeconds(),
        CounterField.ipsecCounters(
            series(next, object, CounterField.of(f.counters()), restarted, at)),
        f.activeSeconds());
  }

  /** Stitches one object's counters, field by field, into {@code next}. */
  private static Function<CounterField, OptionalLong> series(
      Map<SeriesKey, SeriesState> next,
      String object,
      Map<CounterField, OptionalLong> values,
      Set<String> restarted,
      Instant at) {
    return field ->
        stitchOne(
            next,
            new SeriesKey(object, field),
            values.getOrDefault(field, OptionalLong.empty()),
            restarted.contains(object),
            at);
  }

  private static OptionalLong stitchOne(
      Map<SeriesKey, SeriesState> states,
      SeriesKey key,
      OptionalLong raw,
      boolean restarted,
      Instant at) {
    if (raw.isEmpty()) {
      return raw;
    }
    long value = raw.getAsLong();
    SeriesState old = states.get(key);
    SeriesState now = old == null ? SeriesState.first(value, at) : old.next(value, restarted);
    states.put(key, now);
    return OptionalLong.of(now.total());
  }
}
