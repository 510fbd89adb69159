package io.tunnelwatch.agent.report;

import io.tunnelwatch.agent.events.Event;
import io.tunnelwatch.agent.events.EventKind;
import io.tunnelwatch.agent.events.ObjectKind;
import io.tunnelwatch.agent.events.ObjectRef;
import io.tunnelwatch.agent.events.StateTransition;
import io.tunnelwatch.agent.history.CoverageInterval;
import io.tunnelwatch.agent.history.CpuPeak;
import io.tunnelwatch.agent.history.UsageBucket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** The selected part of the history, grouped by device and object for the engine. */
final class HistoryIndex {

  final SortedSet<String> devices = new TreeSet<>();
  final Map<String, SortedSet<String>> tunnels = new TreeMap<>();
  final Map<String, SortedSet<String>> peers = new TreeMap<>();

  /** device/peer → flow references. */
  final Map<String, SortedSet<String>> flows = new HashMap<>();

  private final Map<String, List<StateTransition>> transitionsByKey = new HashMap<>();
  private final Map<String, StepFunction> steps = new HashMap<>();
  private final Map<String, List<long[]>> coverageByDevice = new HashMap<>();
  private final Map<String, IntervalSet> coverage = new HashMap<>();
  private final Map<String, IntervalSet> blind = new HashMap<>();

  /** By {@link #group}: a subject only ever scans its own records. */
  private final Map<String, List<Event>> eventsByGroup = new HashMap<>();

  private final Map<String, List<Episode>> episodesByGroup = new HashMap<>();
  private final Map<String, List<UsageBucket>> usageByGroup = new HashMap<>();
  final Map<String, List<CpuPeak>> cpuByDevice = new HashMap<>();

  /** Each subject's group, worked out (and the subject noted) once rather than per record. */
  private final Map<ObjectRef, String> groups = new HashMap<>();

  private HistoryIndex() {}

  private String noteAndGroup(ObjectRef ref) {
    String known = groups.get(ref);
    if (known != null) {
      return known;
    }
    note(ref);
    String group = group(ref);
    groups.put(ref, group);
    return group;
  }

  static HistoryIndex of(HistoryData data, Selection selection, Instant dataFrom, Instant dataTo) {
    HistoryIndex index = new HistoryIndex();
    for (StateTransition t : data.transitions()) {
      if (selection.includes(t.subject())) {
        index.noteAndGroup(t.subject());
        index.transitionsByKey.computeIfAbsent(t.subject().key(), k -> new ArrayList<>()).add(t);
      }
    }
    List<Event> selected = new ArrayList<>();
    for (Event e : data.events()) {
      if (selection.includes(e.subject())) {
        selected.add(e);
        index
            .eventsByGroup
            .computeIfAbsent(index.noteAndGroup(e.subject()), d -> new ArrayList<>())
            .add(e);
      }
    }
    for (Episode episode : ConditionEpisodes.of(selected, dataFrom, dataTo)) {
      index
          .episodesByGroup
          .computeIfAbsent(index.noteAndGroup(episode.subject()), d -> new ArrayList<>())
          .add(episode);
    }
    for (UsageBucket u : data.usage()) {
      if (selection.includes(u.subject())) {
        index
            .usageByGroup
            .computeIfAbsent(index.noteAndGroup(u.subject()), d -> new ArrayList<>())
            .add(u);
      }
    }
    for (CoverageInterval c : data.coverage()) {
      if (selection.includesDevice(c.device())) {
        index.devices.add(c.device());
        index
            .coverageByDevice
            .computeIfAbsent(c.device(), d -> new ArrayList<>())
            .add(new long[] {c.from().toEpochMilli(), c.to().toEpochMilli()});
      }
    }
    for (CpuPeak p : data.cpuPeaks()) {
      if (selection.includesDevice(p.device())) {
        index.cpuByDevice.computeIfAbsent(p.device(), d -> new ArrayList<>()).add(p);
      }
    }
    index.transitionsByKey.forEach((key, list) -> index.steps.put(key, StepFunction.of(list)));
    index.coverageByDevice.forEach((d, list) -> index.coverage.put(d, IntervalSet.of(list)));
    index.devices.forEach(
        d ->
            index.blind.put(
                d,
                IntervalSet.of(
                    index.episodes(d).stream()
                        .filter(e -> e.kind() == EventKind.DEVICE_UNREACHABLE)
                        .map(e -> new long[] {e.from().toEpochMilli(), e.to().toEpochMilli()})
                        .toList())));
    return index;
  }

  private void note(ObjectRef ref) {
    devices.add(ref.device());
    switch (ref.kind()) {
      case TUNNEL ->
          tunnels
              .computeIfAbsent(ref.device(), d -> new TreeSet<>())
              .add(ref.tunnel().orElseThrow());
      case IKE_PEER ->
          peers.computeIfAbsent(ref.device(), d -> new TreeSet<>()).add(ref.peer().orElseThrow());
      case IPSEC_FLOW -> {
        peers.computeIfAbsent(ref.device(), d -> new TreeSet<>()).add(ref.peer().orElseThrow());
        flows
            .computeIfAbsent(ref.device() + "/" + ref.peer().orElseThrow(), k -> new TreeSet<>())
            .add(ref.flow().orElseThrow());
      }
      case DEVICE -> {}
    }
  }

  /**
   * The records of a tunnel are grouped by tunnel; those of an IKE peer and of its flows together
   * by peer; device-wide ones by device.
   */
  static String group(ObjectRef ref) {
    return switch (ref.kind()) {
      case DEVICE, TUNNEL -> ref.key();
      case IKE_PEER, IPSEC_FLOW -> ref.device() + "/peer/" + ref.peer().orElseThrow();
    };
  }

  List<Event> events(String group) {
    return eventsByGroup.getOrDefault(group, List.of());
  }

  List<Episode> episodes(String group) {
    return episodesByGroup.getOrDefault(group, List.of());
  }

  List<UsageBucket> usage(String group) {
    return usageByGroup.getOrDefault(group, List.of());
  }

  StepFunction steps(ObjectRef ref) {
    return steps.getOrDefault(ref.key(), StepFunction.UNKNOWN);
  }

  /** Flows of a peer that have recorded transitions. */
  List<StepFunction> flowSteps(String device, String peer) {
    List<StepFunction> result = new ArrayList<>();
    for (String flow : flows.getOrDefault(device + "/" + peer, new TreeSet<>())) {
      StepFunction f = steps(ObjectRef.flow(device, peer, flow));
      if (!f.isEmpty()) {
        result.add(f);
      }
    }
    return result;
  }

  IntervalSet coverage(String device) {
    return coverage.getOrDefault(device, IntervalSet.EMPTY);
  }

  IntervalSet blind(String device) {
    return blind.getOrDefault(device, IntervalSet.EMPTY);
  }

  /** Wraps an object's state so that it is unknown outside coverage and while unreachable. */
  StateSource known(String device, StateSource inner) {
    return StateSource.within(coverage(device), StateSource.blindDuring(blind(device), inner));
  }

  static boolean concernsPeer(ObjectRef ref, String device, String peer) {
    return ref.device().equals(device)
        && (ref.kind() == ObjectKind.IKE_PEER || ref.kind() == ObjectKind.IPSEC_FLOW)
        && ref.peer().orElseThrow().equals(peer);
  }

  static boolean concernsTunnel(ObjectRef ref, String device, String tunnel) {
    return ref.device().equals(device)
        && ref.kind() == ObjectKind.TUNNEL
        && ref.tunnel().orElseThrow().equals(tunnel);
  }
}
