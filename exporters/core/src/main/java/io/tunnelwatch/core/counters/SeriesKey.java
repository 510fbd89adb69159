package io.tunnelwatch.core.counters;

import java.util.Objects;

/**
 * Identifies one exported counter series of a device: the object it belongs to (a tunnel by name,
 * or an IPsec flow by peer and selector pair) and which counter.
 *
 * @param object {@link #tunnelObject(String)} or {@link #flowObject(String, String)}
 */
public record SeriesKey(String object, CounterField field) {

  public SeriesKey {
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(field, "field");
  }

  public static String tunnelObject(String tunnel) {
    return "tunnel " + tunnel;
  }

  public static String flowObject(String peer, String flow) {
    return "flow " + peer + " " + flow;
  }

  public static SeriesKey tunnel(String tunnel, CounterField field) {
    return new SeriesKey(tunnelObject(tunnel), field);
  }

  public static SeriesKey flow(String peer, String flow, CounterField field) {
    return new SeriesKey(flowObject(peer, flow), field);
  }
}
