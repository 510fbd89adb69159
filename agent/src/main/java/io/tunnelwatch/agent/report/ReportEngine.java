package io.tunnelwatch.agent.report;

import io.tunnelwatch.agent.events.Event;
import io.tunnelwatch.agent.events.EventKind;
import io.tunnelwatch.agent.events.ObjectKind;
import io.tunnelwatch.agent.events.ObjectRef;
import io.tunnelwatch.agent.events.ObjectState;
import io.tunnelwatch.agent.history.CpuPeak;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Computes a stability report from history data read beforehand: a pure function of its inputs. See
 * docs/reports.md for the definitions and the arithmetic.
 */
public final class ReportEngine {

  /** How many tunnels the ranking lists. */
  public static final int RANKING_SIZE = 10;

  public StabilityReport compute(ReportRequest request, HistoryData data, Instant generatedAt) {
    ReportPeriod period = request.period();
    ReportPeriod previous = period.previous();
    HistoryIndex index = HistoryIndex.of(data, request.selection(), previous.from(), period.to());
    Map<String, String> bindings = bindings(request, index);
    Map<String, List<String>> tunnelsOfPeer = new HashMap<>();
    bindings.forEach(
        (tunnelKey, peer) -> {
          int slash = tunnelKey.indexOf('/');
          tunnelsOfPeer
              .computeIfAbsent(tunnelKey.substring(0, slash) + "/" + peer, k -> new ArrayList<>())
              .add(tunnelKey.substring(slash + 1));
        });

    List<SubjectReport> peers = new ArrayList<>();
    Map<String, SubjectReport> peerByKey = new HashMap<>();
    for (String device : index.devices) {
      for (String peer : index.peers.getOrDefault(device, new TreeSet<>())) {
        String key = device + "/" + peer;
        boolean tunnelSelected = !request.selection().tunnels().isEmpty();
        if (tunnelSelected && !tunnelsOfPeer.containsKey(key)) {
          continue;
        }
        SubjectReport report =
            peerReport(request, index, device, peer, tunnelsOfPeer.getOrDefault(key, List.of()));
        peers.add(report);
        peerByKey.put(key, report);
      }
    }
    List<SubjectReport> tunnels = new ArrayList<>();
    for (String device : index.devices) {
      for (String tunnel : index.tunnels.getOrDefault(device, new TreeSet<>())) {
        String peer = bindings.get(device + "/" + tunnel);
        tunnels.add(
            tunnelReport(
                request,
                index,
                device,
                tunnel,
                Optional.ofNullable(peer).map(p -> peerByKey.get(device + "/" + p))));
      }
    }
    List<SubjectReport> basis = tunnels.isEmpty() ? peers : tunnels;
    return new StabilityReport(
        request,
        generatedAt,
        fleet(period, index, tunnels, peers, basis),
        tunnels,
        peers,
        basis.stream()
            .filter(r -> r.figures().knownMillis() > 0)
            .sorted(WORST_FIRST)
            .limit(RANKING_SIZE)
            .toList(),
        cpuPeaks(period, index));
  }

  /** Lowest availability first, then most outage time, most outages, most extra rekeys. */
  static final Comparator<SubjectReport> WORST_FIRST =
      Comparator.<SubjectReport, BigDecimal>comparing(
              r -> r.figures().availabilityPercent().orElse(BigDecimal.valueOf(101)))
          .thenComparing(r -> -r.figures().outageMillis())
          .thenComparing(r -> -r.figures().outages())
          .thenComparing(r -> -r.rekeys().extra())
          .thenComparing(r -> r.subject().key());

  private static Map<String, String> bindings(ReportRequest request, HistoryIndex index) {
    Map<String, String> bindings = new HashMap<>();
    for (TunnelBinding b : request.bindings()) {
      bindings.put(b.device() + "/" + b.tunnel(), b.peer());
    }
    for (String device : index.devices) {
      SortedSet<String> tunnels = index.tunnels.getOrDefault(device, new TreeSet<>());
      SortedSet<String> peers = index.peers.getOrDefault(device, new TreeSet<>());
      boolean explicit = request.bindings().stream().anyMatch(b -> b.device().equals(device));
      if (!explicit && tunnels.size() == 1 && peers.size() == 1) {
        bindings.put(device + "/" + tunnels.first(), peers.first());
      }
    }
    bindings.keySet().removeIf(k -> !isKnownTunnel(index, k));
    return bindings;
  }

  private static boolean isKnownTunnel(HistoryIndex index, String key) {
    int slash = key.indexOf('/');
    return index
        .tunnels
        .getOrDefault(key.substring(0, slash), new TreeSet<>())
        .contains(key.substring(slash + 1));
  }

  private static StateSource peerService(HistoryIndex index, String device, String peer) {
    return new PeerServiceState(
        index.steps(ObjectRef.peer(device, peer)), index.flowSteps(device, peer));
  }

  private SubjectReport peerReport(
      ReportRequest request,
      HistoryIndex index,
      String device,
      String peer,
      List<String> boundTunnels) {
    ReportPeriod period = request.period();
    StateSource state = index.known(device, peerService(index, device, peer));
    List<Segment> timeline = state.timeline(period);
    List<Outage> outages = Figures.outages(timeline, downJustBefore(state, period));
    Predicate<ObjectRef> concerns = ref -> HistoryIndex.concernsPeer(ref, device, peer);
    String group = HistoryIndex.group(ObjectRef.peer(device, peer));
    List<Event> events = index.events(group);
    return new SubjectReport(
        ObjectRef.peer(device, peer),
        boundTunnels.stream().sorted().toList(),
        Figures.of(timeline, outages),
        figures(state, period.previous()),
        timeline,
        outages,
        rekeys(request, index, device, peer, events, timeline),
        SubjectCounts.problems(events, index.episodes(group), period, concerns),
        SubjectCounts.traffic(index.usage(group), period, concerns),
        cpuPeak(period, index, device));
  }

  private SubjectReport tunnelReport(
      ReportRequest request,
      HistoryIndex index,
      String device,
      String tunnel,
      Optional<SubjectReport> peer) {
    ReportPeriod period = request.period();
    StateSource line = StateSource.of(index.steps(ObjectRef.tunnel(device, tunnel)));
    StateSource combined =
        peer.map(p -> StateSource.and(line, peerService(index, device, p.name()))).orElse(line);
    StateSource state = index.known(device, combined);
    List<Segment> timeline = state.timeline(period);
    List<Outage> outages = Figures.outages(timeline, downJustBefore(state, period));
    Predicate<ObjectRef> own = ref -> HistoryIndex.concernsTunnel(ref, device, tunnel);
    String group = HistoryIndex.group(ObjectRef.tunnel(device, tunnel));
    Problems problems =
        SubjectCounts.problems(index.events(group), index.episodes(group), period, own);
    Traffic traffic = SubjectCounts.traffic(index.usage(group), period, own);
    if (peer.isPresent()) {
      problems = problems.plus(peer.get().problems());
      if (traffic.days().isEmpty()) {
        traffic = peer.get().traffic();
      }
    }
    return new SubjectReport(
        ObjectRef.tunnel(device, tunnel),
        peer.map(p -> List.of(p.name())).orElse(List.of()),
        Figures.of(timeline, outages),
        figures(state, period.previous()),
        timeline,
        outages,
        peer.map(SubjectReport::rekeys).orElse(RekeyCounts.NONE),
        problems,
        traffic,
        cpuPeak(period, index, device));
  }

  private static boolean downJustBefore(StateSource state, ReportPeriod period) {
    return state.at(period.from().toEpochMilli() - 1) == ObjectState.DOWN;
  }

  private static Figures figures(StateSource state, ReportPeriod period) {
    List<Segment> timeline = state.timeline(period);
    return Figures.of(timeline, Figures.outages(timeline, downJustBefore(state, period)));
  }

  private static RekeyCounts rekeys(
      ReportRequest request,
      HistoryIndex index,
      String device,
      String peer,
      List<Event> events,
      List<Segment> serviceTimeline) {
    ReportPeriod period = request.period();
    Predicate<ObjectRef> concerns = ref -> HistoryIndex.concernsPeer(ref, device, peer);
    StepFunction ike = index.steps(ObjectRef.peer(device, peer));
    List<Segment> ikeTimeline =
        ike.isEmpty() ? serviceTimeline : index.known(device, StateSource.of(ike)).timeline(period);
    long expectedIke =
        SubjectCounts.expectedRekeys(ikeTimeline, request.rekeys().ikeLifetime().toMillis());
    long ipsecLifetime = request.rekeys().ipsecLifetime().toMillis();
    List<StepFunction> flows = index.flowSteps(device, peer);
    long expectedIpsec = 0;
    if (flows.isEmpty()) {
      expectedIpsec = SubjectCounts.expectedRekeys(serviceTimeline, ipsecLifetime);
    }
    for (StepFunction flow : flows) {
      expectedIpsec +=
          SubjectCounts.expectedRekeys(
              index.known(device, StateSource.of(flow)).timeline(period), ipsecLifetime);
    }
    return new RekeyCounts(
        SubjectCounts.occurrences(events, period, concerns, EventKind.IKE_REKEY),
        expectedIke,
        SubjectCounts.occurrences(events, period, concerns, EventKind.IPSEC_REKEY),
        expectedIpsec);
  }

  private static Optional<CpuPeak> cpuPeak(ReportPeriod period, HistoryIndex index, String device) {
    return index.cpuByDevice.getOrDefault(device, List.of()).stream()
        .filter(p -> period.contains(p.hour()))
        .max(
            Comparator.comparingDouble(CpuPeak::maxRatio)
                .thenComparing(CpuPeak::hour, Comparator.reverseOrder()));
  }

  private static List<CpuPeak> cpuPeaks(ReportPeriod period, HistoryIndex index) {
    return index.devices.stream()
        .map(d -> cpuPeak(period, index, d))
        .flatMap(Optional::stream)
        .sorted(
            Comparator.comparingDouble(CpuPeak::maxRatio).reversed().thenComparing(CpuPeak::device))
        .toList();
  }

  private static FleetSummary fleet(
      ReportPeriod period,
      HistoryIndex index,
      List<SubjectReport> tunnels,
      List<SubjectReport> peers,
      List<SubjectReport> basis) {
    Figures figures = Figures.NONE;
    Figures previous = Figures.NONE;
    for (SubjectReport r : basis) {
      figures = figures.plus(r.figures());
      previous = previous.plus(r.previous());
    }
    RekeyCounts rekeys = RekeyCounts.NONE;
    Problems problems = Problems.NONE;
    long tx = 0;
    long rx = 0;
    for (SubjectReport p : peers) {
      rekeys = rekeys.plus(p.rekeys());
      problems = problems.plus(p.problems());
      if (p.related().isEmpty()) {
        tx += p.traffic().transmitBytes();
        rx += p.traffic().receiveBytes();
      }
    }
    // a tunnel row carries its own traffic, or its bound peer's when the tunnel has none
    for (SubjectReport t : tunnels) {
      tx += t.traffic().transmitBytes();
      rx += t.traffic().receiveBytes();
    }
    int flaps = flaps(period, index, tunnels);
    return new FleetSummary(
        index.devices.size(),
        tunnels.size(),
        peers.size(),
        tunnels.isEmpty() ? "peers" : "tunnels",
        figures,
        previous,
        rekeys,
        // flaps are tunnel events; everything else was counted once on the peers
        problems.plus(new Problems(0, 0, 0, 0, 0, 0, 0, flaps)),
        tx,
        rx,
        reboots(period, index),
        unreachableEpisodes(period, index),
        cpuPeaks(period, index).stream().findFirst());
  }

  /** Tunnel flaps, counted in each tunnel's event group. */
  private static int flaps(ReportPeriod period, HistoryIndex index, List<SubjectReport> tunnels) {
    return occurrences(
        period,
        tunnels.stream().map(t -> index.events(HistoryIndex.group(t.subject()))),
        ObjectKind.TUNNEL,
        EventKind.TUNNEL_FLAP);
  }

  private static int reboots(ReportPeriod period, HistoryIndex index) {
    return occurrences(
        period,
        index.devices.stream().map(index::events),
        ObjectKind.DEVICE,
        EventKind.DEVICE_REBOOT);
  }

  /** Events of a kind that began in the period, about subjects of a kind, over event groups. */
  private static int occurrences(
      ReportPeriod period, Stream<List<Event>> groups, ObjectKind subject, EventKind kind) {
    return groups
        .mapToInt(
            events -> SubjectCounts.occurrences(events, period, ref -> ref.kind() == subject, kind))
        .sum();
  }

  /** Unreachable episodes that overlap the period or begin in it. */
  private static int unreachableEpisodes(ReportPeriod period, HistoryIndex index) {
    int unreachable = 0;
    for (String device : index.devices) {
      for (Episode e : index.episodes(device)) {
        if (e.kind() == EventKind.DEVICE_UNREACHABLE
            && (period.overlapMillis(e.from(), e.to()) > 0 || period.contains(e.from()))) {
          unreachable++;
        }
      }
    }
    return unreachable;
  }
}
