package io.tunnelwatch.agent.events;

import io.tunnelwatch.core.model.DeviceSnapshot;
import io.tunnelwatch.core.model.FailurePhase;
import io.tunnelwatch.core.model.IpsecFlow;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** IPsec (phase 2): flow state, phase-2 failures, IPsec rekeys and their storms. */
final class IpsecRules {

  private static final String UP_IDLE = "UP-IDLE";
  private static final String NO_IKE_SA = "no IKE SA";

  private IpsecRules() {}

  static void apply(Work work, DeviceSnapshot now, Set<String> ikeUp) {
    Map<ObjectRef, IpsecFlow> byRef = byRef(work.device, Optional.of(now));
    Map<ObjectRef, IpsecFlow> before = byRef(work.device, work.previous.last());
    Set<ObjectRef> expected = new LinkedHashSet<>(work.seenFlows);
    expected.addAll(byRef.keySet());
    work.seenFlows.addAll(byRef.keySet());
    boolean deviceCounts = FailureAccounting.counted(now, FailurePhase.PHASE2);
    Map<String, String> ikeStates = new LinkedHashMap<>();
    now.ikeSas().forEach(sa -> ikeStates.putIfAbsent(sa.peer(), sa.state()));
    Set<String> failing = new TreeSet<>();
    for (ObjectRef ref : expected) {
      IpsecFlow flow = byRef.get(ref);
      String peer = ref.peer().orElseThrow();
      boolean up = flow != null && flow.up();
      work.state(
          ref,
          up ? ObjectState.UP : ObjectState.DOWN,
          flow == null ? "absent" : up ? "active SAs" : "no active SA");
      if (flow != null && up) {
        work.badPolls.remove(ref);
        rekey(work, ref, before.get(ref), flow);
        TrafficRules.flow(work, ref, flow, now);
        continue;
      }
      work.traffic.remove(ref);
      if (!ikeUp.contains(peer)) {
        // Phase 1 is the problem now and its rule says so; phase 2 can be judged again once IKE
        // is back, so an open phase-2 failure neither clears nor grows meanwhile.
        work.badPolls.remove(ref);
        work.suspect(EventKind.PHASE2_FAILURE, ref);
        work.suspect(EventKind.PHASE2_FAILURE, ObjectRef.peer(work.device, peer));
        continue;
      }
      int polls = work.badPolls.merge(ref, 1, Integer::sum);
      failing.add(peer);
      if (polls == 1 && !deviceCounts) {
        work.totals.phase2Failures(peer, 1);
      }
    }
    idlePeers(work, ikeStates, ikeUp, expected, failing, deviceCounts);
    Map<String, Long> reported =
        FailureAccounting.newFailures(work.previous.last(), now, FailurePhase.PHASE2, failing);
    reported.forEach(work.totals::phase2Failures);
    for (ObjectRef ref : expected) {
      if (work.badPolls.containsKey(ref)) {
        judgeFailure(
            work, ref, ikeStates.getOrDefault(ref.peer().orElseThrow(), NO_IKE_SA), reported);
      }
    }
    work.rekeys.keySet().stream()
        .filter(r -> r.kind() == ObjectKind.IPSEC_FLOW)
        .toList()
        .forEach(r -> Storms.judge(work, r, work.settings.ipsecLifetime()));
  }

  /** Peers with IKE up, in {@code UP-IDLE}, and no flow known at all: phase 2 never came up. */
  private static void idlePeers(
      Work work,
      Map<String, String> ikeStates,
      Set<String> ikeUp,
      Set<ObjectRef> flows,
      Set<String> failing,
      boolean deviceCounts) {
    Set<String> withFlows = new TreeSet<>();
    flows.forEach(f -> withFlows.add(f.peer().orElseThrow()));
    Map<String, Integer> idle = new LinkedHashMap<>();
    for (String peer : ikeUp) {
      String state = ikeStates.getOrDefault(peer, NO_IKE_SA);
      ObjectRef ref = ObjectRef.peer(work.device, peer);
      if (withFlows.contains(peer) || !state.equals(UP_IDLE)) {
        continue;
      }
      int polls = work.idlePolls.getOrDefault(peer, 0) + 1;
      idle.put(peer, polls);
      failing.add(peer);
      if (polls == 1 && !deviceCounts) {
        work.totals.phase2Failures(peer, 1);
      }
      work.suspect(EventKind.PHASE2_FAILURE, ref);
      if (polls >= work.settings.negotiationFailurePolls()) {
        work.holds(
            new Finding(
                EventKind.PHASE2_FAILURE,
                ref,
                Summaries.phase2Idle(work.device, peer, state, polls),
                List.of(
                    new Evidence("session", "", state),
                    new Evidence("active IPsec SAs", "", "none"))));
      }
    }
    work.idlePolls.clear();
    work.idlePolls.putAll(idle);
    // A phase-2 failure reported by trap for the peer stays open while any flow of it is failing.
    failing.forEach(p -> work.suspect(EventKind.PHASE2_FAILURE, ObjectRef.peer(work.device, p)));
  }

  private static void judgeFailure(
      Work work, ObjectRef ref, String ikeState, Map<String, Long> reported) {
    int polls = work.badPolls.getOrDefault(ref, 0);
    String peer = ref.peer().orElseThrow();
    work.suspect(EventKind.PHASE2_FAILURE, ref);
    if (polls < work.settings.negotiationFailurePolls() && !reported.containsKey(peer)) {
      return;
    }
    work.holds(
        new Finding(
            EventKind.PHASE2_FAILURE,
            ref,
            Summaries.phase2(work.device, ref.flow().orElseThrow(), peer, ikeState, polls),
            List.of(
                new Evidence("IKE state", "", ikeState),
                new Evidence("IPsec SAs", "active", "none"),
                new Evidence("polls without SA", "0", Integer.toString(polls)))));
  }

  /** A new SPI pair (or active time going backwards) for the same flow is a rekey. */
  private static void rekey(Work work, ObjectRef ref, @Nullable IpsecFlow before, IpsecFlow now) {
    if (before == null || !before.up()) {
      return;
    }
    Optional<Evidence> change = Optional.empty();
    if (before.spis().isPresent()
        && now.spis().isPresent()
        && !before.spis().get().equals(now.spis().get())) {
      change =
          Optional.of(
              new Evidence(
                  "SPI in/out",
                  before.spis().get().inbound() + "/" + before.spis().get().outbound(),
                  now.spis().get().inbound() + "/" + now.spis().get().outbound()));
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
          work.totals.ipsecRekey(ref);
          Storms.rekeyed(work, ref);
          work.occurred(
              EventKind.IPSEC_REKEY,
              ref,
              Summaries.ipsecRekey(
                  work.device,
                  ref.flow().orElseThrow(),
                  ref.peer().orElseThrow(),
                  evidence.name() + " " + evidence.before(),
                  evidence.after()),
              List.of(evidence));
        });
  }

  private static Map<ObjectRef, IpsecFlow> byRef(String device, Optional<DeviceSnapshot> snapshot) {
    Map<ObjectRef, IpsecFlow> byRef = new LinkedHashMap<>();
    snapshot.ifPresent(
        s ->
            s.ipsecFlows()
                .forEach(f -> byRef.putIfAbsent(ObjectRef.flow(device, f.peer(), f.flow()), f)));
    return byRef;
  }
}
