package io.tunnelwatch.agent.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IExecutorService;
import com.hazelcast.map.IMap;
import com.hazelcast.partition.MigrationListener;
import com.hazelcast.partition.MigrationState;
import com.hazelcast.partition.Partition;
import com.hazelcast.partition.ReplicaMigrationEvent;
import io.tunnelwatch.agent.config.ClusterConfig;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This agent as a member of the cluster: who else is there, and which devices are its own. A device
 * belongs to the member that owns the Hazelcast partition of its name, so ownership needs no
 * election of its own, moves when members come and go, and lands where the device's state already
 * is.
 */
public final class ClusterMember implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ClusterMember.class);

  private final HazelcastInstance hazelcast;

  private ClusterMember(HazelcastInstance hazelcast) {
    this.hazelcast = hazelcast;
  }

  /**
   * Starts this member on {@code listen} and joins the others that are up (alone, until they come).
   */
  public static ClusterMember join(ClusterConfig config, InetSocketAddress listen) {
    HazelcastInstance hazelcast =
        Hazelcast.newHazelcastInstance(HazelcastSettings.of(config, listen));
    ClusterMember member = new ClusterMember(hazelcast);
    LOG.info(
        "joined cluster '{}' as {} with {} member(s)",
        config.name(),
        hazelcast.getCluster().getLocalMember().getAddress(),
        member.memberCount());
    return member;
  }

  /** True when this member is to poll the device now. */
  public boolean owns(String device) {
    Partition partition = hazelcast.getPartitionService().getPartition(device);
    Member owner = partition.getOwner();
    // No owner while the partition table is first built or a dead owner is being replaced.
    return owner != null && owner.localMember();
  }

  /**
   * True on one member of the cluster at a time (the oldest), for work that must run once:
   * scheduled reports.
   */
  public boolean isOldest() {
    return hazelcast.getCluster().getMembers().iterator().next().localMember();
  }

  /** True when no partition is moving and every backup is in place: ownership is at rest. */
  public boolean settled() {
    return hazelcast.getPartitionService().isClusterSafe();
  }

  public int memberCount() {
    return hazelcast.getCluster().getMembers().size();
  }

  public UUID localId() {
    return hazelcast.getCluster().getLocalMember().getUuid();
  }

  /** The member of that id, while it is in the cluster. */
  Optional<Member> member(UUID id) {
    return hazelcast.getCluster().getMembers().stream()
        .filter(m -> m.getUuid().equals(id))
        .findFirst();
  }

  public Set<UUID> memberIds() {
    return hazelcast.getCluster().getMembers().stream()
        .map(Member::getUuid)
        .collect(Collectors.toUnmodifiableSet());
  }

  /**
   * Calls {@code changed} (on one of Hazelcast's event threads; it must return at once) whenever
   * ownership may have moved: a member came or went, or partitions migrated.
   */
  public void onOwnershipChange(Runnable changed) {
    hazelcast
        .getCluster()
        .addMembershipListener(
            new MembershipListener() {
              @Override
              public void memberAdded(MembershipEvent event) {
                LOG.info("cluster member joined: {}", event.getMember().getAddress());
                changed.run();
              }

              @Override
              public void memberRemoved(MembershipEvent event) {
                LOG.warn("cluster member left: {}", event.getMember().getAddress());
                changed.run();
              }
            });
    hazelcast
        .getPartitionService()
        .addMigrationListener(
            new MigrationListener() {
              @Override
              public void migrationStarted(MigrationState state) {}

              @Override
              public void migrationFinished(MigrationState state) {
                changed.run();
              }

              @Override
              public void replicaMigrationCompleted(ReplicaMigrationEvent event) {
                if (event.getReplicaIndex() == 0) {
                  changed.run();
                }
              }

              @Override
              public void replicaMigrationFailed(ReplicaMigrationEvent event) {
                changed.run();
              }
            });
  }

  /** Each device's saved state as JSON, keyed by device name. */
  IMap<String, String> deviceStates() {
    return hazelcast.getMap(HazelcastSettings.DEVICE_STATES);
  }

  /** Which member polls each device, keyed by device name. */
  IMap<String, String> deviceHolders() {
    return hazelcast.getMap(HazelcastSettings.DEVICE_HOLDERS);
  }

  IExecutorService observations() {
    return hazelcast.getExecutorService(HazelcastSettings.OBSERVATIONS);
  }

  /** Makes {@code sink} what observations forwarded to this member are given to. */
  void receiveObservations(ObservationSink sink) {
    hazelcast.getUserContext().put(ObservationSink.CONTEXT_KEY, sink);
  }

  /** Leaves gracefully: the partitions, with the device states, move to the others first. */
  @Override
  public void close() {
    hazelcast.shutdown();
  }
}
