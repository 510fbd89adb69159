package io.tunnelwatch.agent.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.tunnelwatch.agent.config.ClusterConfig;
import io.tunnelwatch.agent.events.DeviceStateStore;
import io.tunnelwatch.agent.events.SavedDeviceState;
import io.tunnelwatch.agent.events.TrackedDevice;
import io.tunnelwatch.core.model.Observation;
import io.tunnelwatch.core.model.ObservationKind;
import io.tunnelwatch.testing.net.FreePorts;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two real Hazelcast members in this JVM: ownership, claims, the state map, forwarded traps. */
class ClusterMembersIT {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Set<String> DEVICES =
      IntStream.rangeClosed(1, 24).mapToObj(i -> "R" + i).collect(Collectors.toSet());

  private final List<AutoCloseable> opened = new ArrayList<>();
  private ClusterMember first;
  private ClusterMember second;

  @BeforeEach
  void startTwoMembers() {
    int portA = FreePorts.tcp();
    int portB = FreePorts.tcp();
    List<String> members = List.of("127.0.0.1:" + portA, "127.0.0.1:" + portB);
    first = open(member(portA, members));
    second = open(member(portB, members));
    await().atMost(WAIT).until(() -> first.memberCount() == 2 && second.memberCount() == 2);
  }

  private static ClusterMember member(int port, List<String> members) {
    ClusterConfig config =
        new ClusterConfig(
            "members-it", "127.0.0.1:" + port, members, Duration.ofSeconds(3), Optional.empty());
    return ClusterMember.join(config, new InetSocketAddress("127.0.0.1", port));
  }

  @AfterEach
  void close() throws Exception {
    for (int i = opened.size() - 1; i >= 0; i--) {
      opened.get(i).close();
    }
  }

  private <T extends AutoCloseable> T open(T resource) {
    opened.add(resource);
    return resource;
  }

  @Test
  void everyDeviceHasExactlyOneOwnerAndTheOldestMemberIsOne() {
    await()
        .atMost(WAIT)
        .until(() -> DEVICES.stream().allMatch(d -> first.owns(d) != second.owns(d)));
    assertThat(DEVICES.stream().filter(first::owns)).isNotEmpty();
    assertThat(DEVICES.stream().filter(second::owns)).isNotEmpty();
    assertThat(first.isOldest()).isTrue();
    assertThat(second.isOldest()).isFalse();
    assertThat(first.memberIds()).containsExactlyInAnyOrder(first.localId(), second.localId());
  }

  @Test
  void aStateSavedOnOneMemberIsLoadedOnTheOtherAndTheDatabaseIsSparedUnchangedStates() {
    InMemoryStore durable = new InMemoryStore();
    Clock clock = Clock.systemUTC();
    ClusterStateStore onFirst = new ClusterStateStore(first, durable, clock);
    ClusterStateStore onSecond = new ClusterStateStore(second, durable, clock);
    Instant now = Instant.parse("2026-12-03T10:00:00Z");
    SavedDeviceState state =
        new SavedDeviceState(TrackedDevice.initial("R7"), Map.of(), now.minusSeconds(3600), now);

    onFirst.save(state);
    onFirst.save(state);

    assertThat(onSecond.load("R7")).contains(state);
    assertThat(onSecond.unchangedSaveInterval()).isZero();
    assertThat(durable.saves).as("an unchanged state reaches the database once a minute").isOne();

    SavedDeviceState onlyInDatabase =
        new SavedDeviceState(TrackedDevice.initial("R8"), Map.of(), now, now);
    durable.save(onlyInDatabase);
    assertThat(onSecond.load("R8")).as("the whole cluster restarted").contains(onlyInDatabase);

    onSecond.remove("R7");
    assertThat(onFirst.load("R7")).isEmpty();
  }

  @Test
  void aClaimIsExclusiveUntilReleasedOrItsHolderLeaves() {
    DeviceClaims firstClaims =
        new DeviceClaims(first.deviceHolders(), first.localId(), first::memberIds);
    DeviceClaims secondClaims =
        new DeviceClaims(second.deviceHolders(), second.localId(), second::memberIds);

    assertThat(firstClaims.claim("R1")).isTrue();
    assertThat(firstClaims.claim("R1")).as("held already").isTrue();
    assertThat(secondClaims.claim("R1")).isFalse();
    firstClaims.release("R1");
    assertThat(secondClaims.claim("R1")).isTrue();

    assertThat(firstClaims.claim("R2")).isTrue();
    first.close();
    await().atMost(WAIT).until(() -> second.memberCount() == 1);
    assertThat(secondClaims.claim("R2")).as("its holder left the cluster").isTrue();
  }

  @Test
  void reconcilersShareTheDevicesAndTheSurvivorTakesAllWhenOneLeaves() {
    FakeFleet onFirst = new FakeFleet();
    FakeFleet onSecond = new FakeFleet();
    PrometheusRegistry registry = new PrometheusRegistry();
    ClusterMetrics firstMetrics = new ClusterMetrics(registry, first, onFirst.polled::size);
    open(new OwnershipReconciler(first, onFirst, firstMetrics, Clock.systemUTC())).start();
    OwnershipReconciler secondReconciler =
        new OwnershipReconciler(
            second,
            onSecond,
            new ClusterMetrics(new PrometheusRegistry(), second, onSecond.polled::size),
            Clock.systemUTC());
    secondReconciler.start();

    await()
        .atMost(WAIT)
        .until(
            () -> {
              Set<String> union = new HashSet<>(onFirst.polled);
              union.addAll(onSecond.polled);
              return union.equals(DEVICES)
                  && union.size() == onFirst.polled.size() + onSecond.polled.size();
            });
    assertThat(onFirst.polled).isNotEmpty();
    assertThat(onSecond.polled).isNotEmpty();

    Set<String> handedOver = Set.copyOf(onSecond.polled);
    secondReconciler.close();
    onSecond.release(handedOver);
    second.close();
    await().atMost(WAIT).until(() -> onFirst.polled.equals(DEVICES));
    assertThat(gauge(registry, "tunnelwatch_cluster_owned_devices")).isEqualTo(DEVICES.size());
    assertThat(gauge(registry, "tunnelwatch_cluster_members")).isEqualTo(1);
    assertThat(counter(registry, "tunnelwatch_cluster_device_migrations", "acquired"))
        .isEqualTo(DEVICES.size());
  }

  @Test
  void aTrapReceivedByOneMemberIsObservedOnTheDevicesOwner() {
    List<Observation> onFirst = new CopyOnWriteArrayList<>();
    List<Observation> onSecond = new CopyOnWriteArrayList<>();
    PrometheusRegistry registry = new PrometheusRegistry();
    ObservationRouter viaFirst =
        new ObservationRouter(
            first, first::owns, onFirst::add, new ClusterMetrics(registry, first, () -> 0));
    var unused =
        new ObservationRouter(
            second,
            second::owns,
            onSecond::add,
            new ClusterMetrics(new PrometheusRegistry(), second, () -> 0));
    await()
        .atMost(WAIT)
        .until(
            () ->
                DEVICES.stream().anyMatch(second::owns) && DEVICES.stream().anyMatch(first::owns));
    String ownedBySecond = DEVICES.stream().filter(second::owns).findFirst().orElseThrow();
    String ownedByFirst = DEVICES.stream().filter(first::owns).findFirst().orElseThrow();
    Observation remote = observation(ownedBySecond);
    Observation local = observation(ownedByFirst);

    viaFirst.accept(remote);
    viaFirst.accept(local);

    await().atMost(WAIT).until(() -> onSecond.contains(remote));
    assertThat(onFirst).containsExactly(local);
    assertThat(counter(registry, "tunnelwatch_cluster_observations_forwarded", "sent")).isOne();
  }

  private static Observation observation(String device) {
    return new Observation(
        device,
        Instant.parse("2026-12-03T10:00:00Z"),
        ObservationKind.IKE_TUNNEL_STOP,
        Optional.of("200.0.0.1"),
        Optional.empty(),
        "cikeTunnelStop");
  }

  private static double gauge(PrometheusRegistry registry, String name) {
    for (MetricSnapshot snapshot : registry.scrape()) {
      if (snapshot instanceof GaugeSnapshot gauge && name.equals(gauge.getMetadata().getName())) {
        return gauge.getDataPoints().get(0).getValue();
      }
    }
    throw new AssertionError("no gauge " + name);
  }

  private static double counter(PrometheusRegistry registry, String name, String label) {
    for (MetricSnapshot snapshot : registry.scrape()) {
      if (snapshot instanceof CounterSnapshot counter
          && name.equals(counter.getMetadata().getName())) {
        return counter.getDataPoints().stream()
            .filter(p -> p.getLabels().stream().anyMatch(l -> l.getValue().equals(label)))
            .findFirst()
            .orElseThrow()
            .getValue();
      }
    }
    throw new AssertionError("no counter " + name);
  }

  /** The devices polled on one member, as a set. */
  private static final class FakeFleet implements OwnedDevices {
    final Set<String> polled = ConcurrentHashMap.newKeySet();

    @Override
    public Set<String> configured() {
      return DEVICES;
    }

    @Override
    public Set<String> polled() {
      return Set.copyOf(polled);
    }

    @Override
    public void acquire(String device) {
      polled.add(device);
    }

    @Override
    public void release(Set<String> devices) {
      polled.removeAll(devices);
    }
  }

  /** The database's copy of the states, counting its writes. */
  private static final class InMemoryStore implements DeviceStateStore {
    final Map<String, SavedDeviceState> states = new HashMap<>();
    int saves;

    @Override
    public Optional<SavedDeviceState> load(String device) {
      return Optional.ofNullable(states.get(device));
    }

    @Override
    public void save(SavedDeviceState state) {
      saves++;
      states.put(state.device(), state);
    }

    @Override
    public void remove(String device) {
      states.remove(device);
    }
  }
}
