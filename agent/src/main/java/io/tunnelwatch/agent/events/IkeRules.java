package io.tunnelwatch.agent.events;

import io.tunnelwatch.core.model.DeviceSnapshot;
import io.tunnelwatch.core.model.FailurePhase;
import io.tunnelwatch.core.model.IkeSa;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** IKE (phase 1): peer state, phase-1 failures, IKE rekeys and their storms. */
final class IkeRules {

  private static final String UP_NO_IKE = "UP-NO-IKE";

  private IkeRules() {}

  /**
   * @return the peers with an established IKE SA now
   */
  static Set<String> apply(Work work, DeviceSnapshot now) {
    Map<String, IkeSa> byPeer = byPeer(Optional.of(now));
    Map<String, IkeSa> before = byPeer(work.previous.last());
    Set<String> expected = new TreeSet<>(work.settings.expectedPeers());
    if (expected.isEmpty()) {
      expected.addAll(work.seenPeers);
      expected.addAll(byPeer.keySet());
    }
    work.seenPeers.addAll(byPeer.keySet());
    Set<String> shut = TunnelRules.shutPeers(now);
    boolean deviceCounts = FailureAccounting.counted(now, FailurePhase.PHASE1);
    Set<String> established = new TreeSet<>();
    Set<String> failing = new TreeSet<>();
    for (String peer : expected) {
      IkeSa sa = byPeer.get(peer);
      ObjectRef ref = ObjectRef.peer(work.device, peer);
      boolean up = sa != null && sa.established();
      work.state(
          ref, up ? ObjectState.UP : ObjectState.DOWN, sa == null ? "no IKE SA" : sa.state());
      if (sa != null && up) {
        established.add(peer);
        work.badPolls.remove(ref);
        rekey(work, ref, before.get(peer), sa);
      } else if (shut.contains(peer) || (sa != null && sa.state().equals(UP_NO_IKE))) {
        // A shut tunnel expects no IKE; UP-NO-IKE is IPsec running on after its IKE SA expired,
        // which IOS renegotiates when needed: neither is a failed negotiation.
        work.badPolls.remove(ref);
      } else {
        int polls = work.badPolls.merge(ref, 1, Integer::sum);
        failing.add(peer);
        if (polls == 1 && sa != null && !deviceCounts) {
          work.totals.phase1Failures(peer, 1); // a negotiation seen failing
        }
      }
    }
    // Peers no longer expected (config changed) keep no count.
    new ArrayList<>(work.badPolls.keySet())
        .stream()
            .filter(
                r -> r.kind() == ObjectKind.IKE_PEER && !expected.contains(r.peer().orElseThrow()))
            .forEach(work.badPolls::remove);
    Map<String, Long> reported =
        FailureAccounting.newFailures(work.previous.last(), now, FailurePhase.PHASE1, failing);
    reported.forEach(work.totals::phase1Failures);
    for (String peer : failing) {
      judgeFailure(work, peer, byPeer.get(peer), reported.containsKey(peer));
    }
    work.rekeys.keySet().stream()
        .filter(r -> r.kind() == ObjectKind.IKE_PEER)
        .toList()
        .forEach(r -> Storms.judge(work, r, work.settings.ikeLifetime()));
    return established;
  }

  private static void judgeFailure(Work work, String peer, @Nullable IkeSa sa, boolean reported) {
    ObjectRef ref = ObjectRef.peer(work.device, peer);
    int polls = work.badPolls.getOrDefault(ref, 0);
    work.suspect(EventKind.PHASE1_FAILURE, ref);
    if (polls < work.settings.negotiationFailurePolls() && !reported) {
      return;
    }
    String summary =
        sa == null
            ? Summaries.noIkeSa(work.device, peer, polls)
            : Summaries.phase1(work.device, peer, sa.state(), polls);
    List<Evidence> evidence = new ArrayList<>();
    evidence.add(new Evidence("IKE state", "established", sa == null ? "no IKE SA" : sa.state()));
    evidence.add(new Evidence("polls not established", "0", Integer.toString(polls)));
    if (reported) {
      evidence.add(new Evidence("device failure counters", "", "grew"));
    }
    work.holds(new Finding(EventKind.PHASE1_FAILURE, ref, summary, evidence));
  }

  /** A new SA identity (conn-id, or active time going backwards) for the same peer is a rekey. */
  private static void rekey(Work work, ObjectRef ref, @Nullable IkeSa before, IkeSa now) {
    if (before == null || !before.established()) {
      return;
    }
    Optional<Evidence> change = Optional.empty();
    if (before.connId().isPresent()
        && now.connId().isPresent()
        && before.connId().getAsLong() != now.connId().getAsLong()) {
      change =
          Optional.of(
              new Evidence(
                  "conn-id",
                  Long.toString(before.connId().getAsLong()),
                  Long.toString(now.connId().getAsLong())));
    } else if (before.activeSeconds().isPresent()
        && now.activeSeconds().isPresent()
        && now.activeSeconds().getAsLong() < before.activeSeconds().getAsLong()) {
      change =
          Optional.of(
              new Evidence(
                  "active seconds",
                  Long.toString(before.activeSeconds().getAsLong()),
                  Long.toString(now.activeSeconds().getAsLong())));
    }
    change.ifPresent(
        evidence -> {
          String peer = ref.peer().orElseThrow();
          work.totals.ikeRekey(peer);
          Storms.rekeyed(work, ref);
          work.occurred(
              EventKind.IKE_REKEY,
              ref,
              Summaries.ikeRekey(
                  work.device, peer, evidence.name() + " " + evidence.before(), evidence.after()),
              List.of(evidence));
        });
  }

  private static Map<String, IkeSa> byPeer(Optional<DeviceSnapshot> snapshot) {
    Map<String, IkeSa> byPeer = new LinkedHashMap<>();
    snapshot.ifPresent(s -> s.ikeSas().forEach(sa -> byPeer.putIfAbsent(sa.peer(), sa)));
    return byPeer;
  }
}
