package io.tunnelwatch.agent.cluster;

import com.hazelcast.map.IMap;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Which member polls each device, so that a new owner starts only once the old one has stopped and
 * saved: the old owner releases its claim after its last save; a claim left by a member that is no
 * longer in the cluster is void.
 */
final class DeviceClaims {

  private final IMap<String, String> holders;
  private final String self;
  private final Supplier<Set<UUID>> members;

  DeviceClaims(IMap<String, String> holders, UUID self, Supplier<Set<UUID>> members) {
    this.holders = holders;
    this.self = self.toString();
    this.members = members;
  }

  /** True when this member holds the device now; false while a live member still does. */
  boolean claim(String device) {
    String holder = holders.putIfAbsent(device, self);
    if (holder == null || holder.equals(self)) {
      return true;
    }
    if (members.get().contains(UUID.fromString(holder))) {
      return false;
    }
    return holders.replace(device, holder, self);
  }

  /** Holds the device whoever held it before. */
  void takeOver(String device) {
    holders.set(device, self);
  }

  /** Gives the device up, if this member holds it. */
  void release(String device) {
    holders.remove(device, self);
  }
}
