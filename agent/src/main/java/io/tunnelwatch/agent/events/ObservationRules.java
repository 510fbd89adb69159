package io.tunnelwatch.agent.events;

import io.tunnelwatch.core.model.Observation;
import java.util.List;
import java.util.Optional;

/**
 * Maps device notifications to the conditions they announce. Start/stop notifications and link-up
 * open nothing: the next poll shows what they mean.
 *
 * <p>Notifications are evidence, not authority: one about a tunnel or a peer that no poll of the
 * device has shown opens nothing and counts nothing, since a forged v2c trap could otherwise invent
 * objects that then live on in the history and the reports. The next poll shows what exists.
 */
final class ObservationRules {

  private ObservationRules() {}

  static void apply(Work work, Observation observation) {
    if (aboutAnUnknownObject(work, observation)) {
      return;
    }
    switch (observation.kind()) {
      case IKE_SYSTEM_FAILURE, IKE_PROTOCOL_FAILURE, IKE_NO_SA -> phase1(work, observation);
      case IPSEC_SETUP_FAILURE -> phase2(work, observation);
      case LINK_DOWN -> linkDown(work, observation);
      default -> {
        // informational: the next poll shows the resulting state
      }
    }
  }

  private static boolean aboutAnUnknownObject(Work work, Observation observation) {
    boolean unknownPeer =
        observation.peer().isPresent() && !work.seenPeers.contains(observation.peer().get());
    boolean unknownTunnel =
        observation.tunnel().isPresent() && !work.seenTunnels.contains(observation.tunnel().get());
    return unknownPeer || unknownTunnel;
  }

  private static ObjectRef subject(Work work, Observation observation) {
    return observation
        .peer()
        .map(peer -> ObjectRef.peer(work.device, peer))
        .orElse(ObjectRef.device(work.device));
  }

  private static List<Evidence> evidence(Observation observation) {
    return List.of(
        new Evidence("notification", "", observation.kind().name()),
        new Evidence("detail", "", observation.detail()));
  }

  private static void phase1(Work work, Observation observation) {
    ObjectRef subject = subject(work, observation);
    work.totals.phase1Failures(observation.peer().orElse(FailureAccounting.UNKNOWN_PEER), 1);
    work.holds(
        new Finding(
            EventKind.PHASE1_FAILURE,
            subject,
            Summaries.phase1Reported(work.device, Summaries.subject(subject), observation.detail()),
            evidence(observation)));
  }

  private static void phase2(Work work, Observation observation) {
    ObjectRef subject = subject(work, observation);
    work.totals.phase2Failures(observation.peer().orElse(FailureAccounting.UNKNOWN_PEER), 1);
    work.holds(
        new Finding(
            EventKind.PHASE2_FAILURE,
            subject,
            Summaries.phase2Reported(work.device, Summaries.subject(subject), observation.detail()),
            evidence(observation)));
  }

  private static void linkDown(Work work, Observation observation) {
    if (observation.tunnel().isEmpty()) {
      return;
    }
    String tunnel = observation.tunnel().get();
    ObjectRef ref = ObjectRef.tunnel(work.device, tunnel);
    Optional<String> destination = work.previousTunnelDestination(tunnel);
    work.holds(
        new Finding(
            EventKind.TUNNEL_DOWN,
            ref,
            Summaries.tunnelDown(work.device, tunnel, destination.orElse("")),
            evidence(observation),
            destination));
  }
}
