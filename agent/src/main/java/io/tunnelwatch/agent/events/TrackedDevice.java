package io.tunnelwatch.agent.events;

import io.tunnelwatch.core.model.DeviceSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the state tracker remembers about one device between two polls. Immutable: each step
 * of the tracker returns a new one.
 *
 * @param last the latest good snapshot, as the router reported it (not stitched)
 * @param failedPolls failed polls in a row
 * @param open the conditions now open, by {@link Event#conditionKey()}, with the event that opened
 *     them
 * @param states the latest state of every tunnel, IKE peer and IPsec flow
 * @param seenTunnels tunnels seen so far (the expected ones when the config names none)
 * @param seenPeers IKE peers seen so far (the expected ones when the config names none)
 * @param seenFlows IPsec flows seen so far
 * @param inventory when each tunnel, IKE peer and IPsec flow was first and last listed by the
 *     router: the learned inventory, whose absent objects are forgotten after a while
 * @param badPolls polls in a row a peer (phase 1) or flow (phase 2) was not established
 * @param idlePolls polls in a row a peer with no known flow had IKE up but no IPsec SA
 * @param rekeys recent rekey times of each peer and flow, within the storm window
 * @param traffic when each flow's and tunnel's counters last moved
 * @param cpuHighSince since when the CPU has been over the threshold
 * @param totals the counts behind the event metrics
 */
public record TrackedDevice(
    String device,
    Optional<DeviceSnapshot> last,
    int failedPolls,
    Map<String, Event> open,
    Map<ObjectRef, ObjectState> states,
    Set<String> seenTunnels,
    Set<String> seenPeers,
    Set<ObjectRef> seenFlows,
    Map<ObjectRef, Sighting> inventory,
    Map<ObjectRef, Integer> badPolls,
    Map<String, Integer> idlePolls,
    Map<ObjectRef, List<Instant>> rekeys,
    Map<ObjectRef, Traffic> traffic,
    Optional<Instant> cpuHighSince,
    EventTotals totals) {

  public TrackedDevice {
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(last, "last");
    open = Map.copyOf(open);
    states = Map.copyOf(states);
    seenTunnels = Set.copyOf(seenTunnels);
    seenPeers = Set.copyOf(seenPeers);
    seenFlows = Set.copyOf(seenFlows);
    inventory = Map.copyOf(inventory);
    badPolls = Map.copyOf(badPolls);
    idlePolls = Map.copyOf(idlePolls);
    rekeys = Map.copyOf(rekeys);
    traffic = Map.copyOf(traffic);
    Objects.requireNonNull(cpuHighSince, "cpuHighSince");
    Objects.requireNonNull(totals, "totals");
  }

  /** A device the tracker has not heard of yet. */
  public static TrackedDevice initial(String device) {
    return new TrackedDevice(
        device,
        Optional.empty(),
        0,
        Map.of(),
        Map.of(),
        Set.of(),
        Set.of(),
        Set.of(),
        Map.of(),
        Map.of(),
        Map.of(),
        Map.of(),
        Map.of(),
        Optional.empty(),
        EventTotals.NONE);
  }

  /** True while a condition of this kind is open for the subject. */
  public boolean isOpen(EventKind kind, ObjectRef subject) {
    return open.containsKey(Conditions.key(kind, subject));
  }

  /** When the router first and last listed an object. */
  public record Sighting(Instant firstSeen, Instant lastSeen) {

    Sighting seenAgain(Instant at) {
      return new Sighting(firstSeen, at);
    }
  }

  /**
   * When a pair of counters (encrypt/decrypt of a flow, transmit/receive of a tunnel) last moved.
   *
   * @param out the latest outbound value (encrypted, or transmitted packets)
   * @param in the latest inbound value (decrypted, or received packets)
   * @param outMovedAt when {@code out} last changed (or was first seen)
   * @param inMovedAt when {@code in} last changed (or was first seen)
   * @param since when the object was first seen up
   * @param everMoved whether either counter was ever seen to change
   */
  public record Traffic(
      long out, long in, Instant outMovedAt, Instant inMovedAt, Instant since, boolean everMoved) {

    static Traffic first(long out, long in, Instant at) {
      return new Traffic(out, in, at, at, at, false);
    }

    Traffic next(long newOut, long newIn, Instant at) {
      boolean outMoved = newOut != out;
      boolean inMoved = newIn != in;
      return new Traffic(
          newOut,
          newIn,
          outMoved ? at : outMovedAt,
          inMoved ? at : inMovedAt,
          since,
          everMoved || outMoved || inMoved);
    }
  }
}
