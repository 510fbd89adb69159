package io.tunnelwatch.agent.report;

import io.tunnelwatch.agent.events.ObjectState;
import java.util.List;

/**
 * Whether traffic to a peer can be protected: up while at least one IPsec flow of the peer is up.
 * Down when no flow is up and a flow or the IKE SA is known to be down. A peer whose flows were
 * never tracked falls back to its IKE SA state.
 */
final class PeerServiceState implements StateSource {

  private final StepFunction ike;
  private final List<StepFunction> flows;

  PeerServiceState(StepFunction ike, List<StepFunction> flows) {
    this.ike = ike;
    this.flows = List.copyOf(flows);
  }

  @Override
  public ObjectState at(long millis) {
    if (flows.isEmpty()) {
      return ike.at(millis);
    }
    boolean down = ike.at(millis) == ObjectState.DOWN;
    for (StepFunction flow : flows) {
      ObjectState state = flow.at(millis);
      if (state == ObjectState.UP) {
        return ObjectState.UP;
      }
      down |= state == ObjectState.DOWN;
    }
    return down ? ObjectState.DOWN : ObjectState.UNKNOWN;
  }

  @Override
  public void addBoundaries(long from, long to, LongSet out) {
    ike.addBoundaries(from, to, out);
    flows.forEach(f -> f.addBoundaries(from, to, out));
  }
}
