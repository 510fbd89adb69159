package io.tunnelwatch.agent.cluster;

import com.hazelcast.map.IMap;
import io.tunnelwatch.agent.events.DeviceStateStore;
import io.tunnelwatch.agent.events.Event;
import io.tunnelwatch.agent.events.ObjectRef;
import io.tunnelwatch.agent.events.ObjectState;
import io.tunnelwatch.agent.events.SavedDeviceState;
import io.tunnelwatch.agent.events.TrackedDevice;
import io.tunnelwatch.agent.history.DeviceStateCodec;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Device states in the cluster's map, written after every poll (with a synchronous backup) so that
 * the member taking a device over continues from its last poll. The shared database keeps a copy
 * for when the whole cluster stops: written when a condition or an object's state changed, else
 * once a minute, and read only when the map has nothing for the device.
 */
public final class ClusterStateStore implements DeviceStateStore {

  private static final Logger LOG = LoggerFactory.getLogger(ClusterStateStore.class);

  private final IMap<String, String> states;
  private final DeviceStateStore durable;
  private final Clock clock;
  private final DeviceStateCodec codec = new DeviceStateCodec();
  private final Map<String, DurableCopy> durableCopies = new ConcurrentHashMap<>();
  // Only for logging an outage of the map once, and its end once.
  private volatile boolean failing;

  /** What the database's copy of a device holds that a restart must not lose, and when. */
  private record DurableCopy(
      Map<String, Event> open, Map<ObjectRef, ObjectState> states, Instant at) {

    static DurableCopy of(TrackedDevice tracked, Instant at) {
      return new DurableCopy(tracked.open(), tracked.states(), at);
    }

    boolean stillCurrent(TrackedDevice tracked, Instant now) {
      return open.equals(tracked.open())
          && states.equals(tracked.states())
          && now.isBefore(at.plus(DEFAULT_UNCHANGED_SAVE_INTERVAL));
    }
  }

  public ClusterStateStore(ClusterMember member, DeviceStateStore durable, Clock clock) {
    this(member.deviceStates(), durable, clock);
  }

  ClusterStateStore(IMap<String, String> states, DeviceStateStore durable, Clock clock) {
    this.states = states;
    this.durable = durable;
    this.clock = clock;
  }

  @Override
  public Optional<SavedDeviceState> load(String device) {
    String json;
    try {
      json = states.get(device);
    } catch (RuntimeException e) {
      LOG.error(
          "{}: the cluster's state map cannot be read ({}); using the database",
          device,
          e.toString());
      return durable.load(device);
    }
    if (json == null) {
      return durable.load(device);
    }
    try {
      return Optional.of(codec.decode(json));
    } catch (IOException e) {
      LOG.warn("{}: the state in the cluster's map cannot be read ({})", device, e.getMessage());
      return durable.load(device);
    }
  }

  @Override
  public void save(SavedDeviceState state) {
    try {
      states.set(state.device(), codec.encode(state));
      if (failing) {
        failing = false;
        LOG.info("device states are written to the cluster's map again");
      }
    } catch (RuntimeException e) {
      if (!failing) {
        failing = true;
        LOG.error(
            "cannot write device states to the cluster's map; a member taking a device over"
                + " continues from the database's older copy: {}",
            e.toString());
      }
    }
    Instant now = clock.instant();
    DurableCopy copy = durableCopies.get(state.device());
    if (copy == null || !copy.stillCurrent(state.tracked(), now)) {
      durable.save(state);
      durableCopies.put(state.device(), DurableCopy.of(state.tracked(), now));
    }
  }

  @Override
  public void remove(String device) {
    try {
      states.delete(device);
    } catch (RuntimeException e) {
      LOG.error("{}: cannot remove the state from the cluster's map: {}", device, e.toString());
    }
    durableCopies.remove(device);
    durable.remove(device);
  }

  /** Every poll: the next owner must not count a delta or detect a change twice. */
  @Override
  public Duration unchangedSaveInterval() {
    return Duration.ZERO;
  }
}
