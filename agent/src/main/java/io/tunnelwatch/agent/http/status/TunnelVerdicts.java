package io.tunnelwatch.agent.http.status;

import io.tunnelwatch.agent.diagnose.Rung;
import io.tunnelwatch.agent.events.Event;
import io.tunnelwatch.agent.events.EventKind;
import io.tunnelwatch.agent.events.ObjectKind;
import io.tunnelwatch.agent.events.Severity;
import io.tunnelwatch.agent.http.status.TunnelVerdict.Finding;
import io.tunnelwatch.agent.time.DurationText;
import io.tunnelwatch.core.metrics.SourceHealth;
import io.tunnelwatch.core.model.DeviceSnapshot;
import io.tunnelwatch.core.model.IkeSa;
import io.tunnelwatch.core.model.IpsecFlow;
import io.tunnelwatch.core.model.TunnelInterface;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Judges every tunnel of a device from all the agent knows of it: poll health and data age, the
 * line protocol, the IKE SA with its peer (the tunnel destination), the IPsec flows with that peer,
 * and the open conditions of the device, the tunnel, the peer and its flows. Pure.
 *
 * <p>The rules (docs/status-page.md):
 *
 * <ul>
 *   <li>The device unreachable, never polled, its latest poll failed, or its data older than {@link
 *       DeviceFacts#staleAfter()}: {@link Verdict#UNKNOWN} at rung 1, and nothing else is judged
 *       (the rest would be judged from old data).
 *   <li>An open condition is a finding at its rung: critical makes the tunnel {@link Verdict#DOWN},
 *       a warning {@link Verdict#DEGRADED}; its summary is the cause.
 *   <li>Without a condition, the data alone: a tunnel with no destination (rung 2),
 *       administratively or line protocol down (rung 3) is down; an IKE SA not established or
 *       missing (rung 4), or an IPsec flow not up or missing (rung 5), is degraded until the
 *       tracker confirms it.
 *   <li>The verdict is the worst finding's; the cause is the lowest rung among the worst.
 * </ul>
 */
public final class TunnelVerdicts {

  private TunnelVerdicts() {}

  private static final Comparator<Finding> WORST_LOWEST_FIRST =
      Comparator.comparing(Finding::verdict).thenComparing(Finding::rung);

  /** One verdict per tunnel of the device, in the router's order. */
  public static List<TunnelVerdict> of(DeviceFacts facts, Instant now) {
    Optional<Finding> blind = blindness(facts, now);
    Optional<DeviceSnapshot> snapshot = facts.view().snapshot();
    List<TunnelVerdict> verdicts = new ArrayList<>();
    if (snapshot.isEmpty()) {
      Finding noData = blind.orElseThrow();
      if (facts.expectedTunnels().isEmpty()) {
        verdicts.add(verdict(facts.device(), Optional.empty(), Optional.empty(), List.of(noData)));
      }
      for (String tunnel : new TreeSet<>(facts.expectedTunnels())) {
        verdicts.add(
            verdict(facts.device(), Optional.of(tunnel), Optional.empty(), List.of(noData)));
      }
      return verdicts;
    }
    for (TunnelInterface tunnel : snapshot.get().tunnels()) {
      Optional<String> peer = Optional.of(tunnel.destinationAddress()).filter(d -> !d.isBlank());
      List<Finding> findings =
          blind.map(List::of).orElseGet(() -> judge(facts, snapshot.get(), tunnel, peer));
      verdicts.add(verdict(facts.device(), Optional.of(tunnel.name()), peer, findings));
    }
    return verdicts;
  }

  private static TunnelVerdict verdict(
      String device, Optional<String> tunnel, Optional<String> peer, List<Finding> findings) {
    List<Finding> sorted = findings.stream().sorted(WORST_LOWEST_FIRST).toList();
    Verdict verdict = sorted.isEmpty() ? Verdict.HEALTHY : sorted.get(0).verdict();
    return new TunnelVerdict(device, tunnel, peer, verdict, sorted);
  }

  /** Why nothing the agent holds about the device can be trusted now, if so. */
  private static Optional<Finding> blindness(DeviceFacts facts, Instant now) {
    Optional<Event> unreachable =
        facts.open().stream().filter(e -> e.kind() == EventKind.DEVICE_UNREACHABLE).findFirst();
    if (unreachable.isPresent()) {
      return Optional.of(
          new Finding(Rung.REACH_DEVICE, Verdict.UNKNOWN, text(facts, unreachable.get())));
    }
    Optional<DeviceSnapshot> snapshot = facts.view().snapshot();
    if (snapshot.isEmpty()) {
      return Optional.of(
          new Finding(
              Rung.REACH_DEVICE,
              Verdict.UNKNOWN,
              "no successful poll yet; check reachability (ping, SSH/SNMP port) and the"
                  + " credentials"));
    }
    Duration age = Duration.between(snapshot.get().collectedAt(), now);
    String shownAge = shown(age);
    for (SourceHealth health : facts.view().sources()) {
      if (!health.up()) {
        return Optional.of(
            new Finding(
                Rung.REACH_DEVICE,
                Verdict.UNKNOWN,
                "the latest "
                    + health.source().label()
                    + " poll failed; the data is "
                    + shownAge
                    + " old; the next polls tell whether the device is unreachable"));
      }
    }
    if (facts.staleAfter().filter(limit -> age.compareTo(limit) > 0).isPresent()) {
      return Optional.of(
          new Finding(
              Rung.REACH_DEVICE,
              Verdict.UNKNOWN,
              "the data is "
                  + shownAge
                  + " old, more than three poll intervals; polls are late or stuck, see"
                  + " tunnelwatch_poll_schedule_lag_seconds"));
    }
    return Optional.empty();
  }

  /** Whole seconds, as durations are written in the configuration (e.g. {@code 2m30s}). */
  static String shown(Duration age) {
    Duration whole = Duration.ofSeconds(Math.max(0, age.toSeconds()));
    return whole.isZero() ? "0s" : DurationText.format(whole);
  }

  private static List<Finding> judge(
      DeviceFacts facts, DeviceSnapshot snapshot, TunnelInterface tunnel, Optional<String> peer) {
    List<Finding> findings = new ArrayList<>();
    for (Event e : facts.open()) {
      if (e.subject().kind() == ObjectKind.DEVICE) {
        findings.add(fromCondition(facts, Rung.REACH_DEVICE, e));
      }
    }
    if (peer.isEmpty()) {
      findings.add(
          new Finding(
              Rung.PEER_ADDRESS,
              Verdict.DOWN,
              tunnel.name()
                  + " has no tunnel destination; check `show running-config interface "
                  + tunnel.name()
                  + "`"));
    }
    findings.addAll(tunnelInterface(facts, tunnel));
    peer.filter(p -> isIpsecPeer(facts, snapshot, p))
        .ifPresent(p -> findings.addAll(ipsec(facts, snapshot, p)));
    return findings;
  }

  private static List<Finding> tunnelInterface(DeviceFacts facts, TunnelInterface tunnel) {
    List<Finding> findings = new ArrayList<>();
    for (Event e : facts.open()) {
      if (e.subject().kind() == ObjectKind.TUNNEL
          && e.subject().tunnel().orElseThrow().equals(tunnel.name())) {
        findings.add(fromCondition(facts, Rung.TUNNEL_INTERFACE, e));
      }
    }
    if (!findings.isEmpty()) {
      return findings;
    }
    if (!tunnel.adminUp()) {
      findings.add(
          new Finding(
              Rung.TUNNEL_INTERFACE,
              Verdict.DOWN,
              tunnel.name() + " is administratively down (shutdown)"));
    } else if (!tunnel.lineProtocolUp()) {
      findings.add(
          new Finding(
              Rung.TUNNEL_INTERFACE,
              Verdict.DOWN,
              tunnel.name()
                  + " line protocol down; check `show interfaces "
                  + tunnel.name()
                  + "` and the path to the tunnel destination"));
    }
    return findings;
  }

  /** Whether the tunnel's peer speaks IKE: seen or expected as one, or now listed with SAs. */
  private static boolean isIpsecPeer(DeviceFacts facts, DeviceSnapshot snapshot, String peer) {
    return facts.ipsecPeers().contains(peer)
        || ikeSa(snapshot, peer).isPresent()
        || !flows(snapshot, peer).isEmpty()
        || facts.open().stream().anyMatch(e -> isAbout(e, peer));
  }

  private static boolean isAbout(Event e, String peer) {
    ObjectKind kind = e.subject().kind();
    return (kind == ObjectKind.IKE_PEER || kind == ObjectKind.IPSEC_FLOW)
        && e.subject().peer().orElseThrow().equals(peer);
  }

  private static List<Finding> ipsec(DeviceFacts facts, DeviceSnapshot snapshot, String peer) {
    List<Finding> findings = new ArrayList<>();
    Optional<IkeSa> sa = ikeSa(snapshot, peer);
    boolean phase1Condition = false;
    boolean phase2Condition = false;
    for (Event e : facts.open()) {
      if (!isAbout(e, peer)) {
        continue;
      }
      boolean onFlow = e.subject().kind() == ObjectKind.IPSEC_FLOW;
      Rung rung =
          switch (e.kind()) {
            case PHASE1_FAILURE -> sa.isEmpty() ? Rung.PEER_ADDRESS : Rung.PHASE1;
            case PHASE2_FAILURE, COUNTERS_STALLED, ONE_WAY_TRAFFIC -> Rung.PHASE2;
            default -> onFlow ? Rung.PHASE2 : Rung.PHASE1;
          };
      phase1Condition |= e.kind() == EventKind.PHASE1_FAILURE;
      phase2Condition |= e.kind() == EventKind.PHASE2_FAILURE;
      findings.add(fromCondition(facts, rung, e));
    }
    if (!phase1Condition) {
      unconfirmedPhase1(peer, sa).ifPresent(findings::add);
    }
    if (!phase2Condition && !phase1Condition && sa.filter(IkeSa::established).isPresent()) {
      unconfirmedPhase2(peer, flows(snapshot, peer)).ifPresent(findings::add);
    }
    return findings;
  }

  private static Optional<Finding> unconfirmedPhase1(String peer, Optional<IkeSa> sa) {
    if (sa.isEmpty()) {
      return Optional.of(
          new Finding(
              Rung.PHASE1,
              Verdict.DEGRADED,
              "no IKE SA with "
                  + peer
                  + " (not confirmed yet); check `show crypto isakmp sa` on both ends"));
    }
    if (!sa.get().established()) {
      return Optional.of(
          new Finding(
              Rung.PHASE1,
              Verdict.DEGRADED,
              "IKE with "
                  + peer
                  + " in "
                  + sa.get().state()
                  + ", not established (not confirmed yet: the next polls confirm or clear it)"));
    }
    return Optional.empty();
  }

  private static Optional<Finding> unconfirmedPhase2(String peer, List<IpsecFlow> flows) {
    if (flows.isEmpty()) {
      return Optional.of(
          new Finding(
              Rung.PHASE2,
              Verdict.DEGRADED,
              "IKE with " + peer + " is up but no IPsec SA is listed (not confirmed yet)"));
    }
    return flows.stream()
        .filter(f -> !f.up())
        .findFirst()
        .map(
            f ->
                new Finding(
                    Rung.PHASE2,
                    Verdict.DEGRADED,
                    "flow "
                        + f.flow()
                        + " to "
                        + peer
                        + " has no active IPsec SA (not confirmed yet)"));
  }

  private static Finding fromCondition(DeviceFacts facts, Rung rung, Event condition) {
    Verdict verdict = condition.severity() == Severity.CRITICAL ? Verdict.DOWN : Verdict.DEGRADED;
    return new Finding(rung, verdict, text(facts, condition));
  }

  /** The condition's summary without the device name in front: the row names the device. */
  private static String text(DeviceFacts facts, Event condition) {
    String prefix = facts.device() + ": ";
    String summary = condition.summary();
    return summary.startsWith(prefix) ? summary.substring(prefix.length()) : summary;
  }

  private static Optional<IkeSa> ikeSa(DeviceSnapshot snapshot, String peer) {
    return snapshot.ikeSas().stream().filter(sa -> sa.peer().equals(peer)).findFirst();
  }

  private static List<IpsecFlow> flows(DeviceSnapshot snapshot, String peer) {
    return snapshot.ipsecFlows().stream().filter(f -> f.peer().equals(peer)).toList();
  }
}
