package io.tunnelwatch.agent.cluster;

import static org.awaitility.Awaitility.await;

import io.tunnelwatch.lab.LabOptions;
import io.tunnelwatch.lab.LabRouter;
import io.tunnelwatch.lab.RunningLab;
import io.tunnelwatch.lab.ScaleLab;
import io.tunnelwatch.testing.net.FreePorts;
import io.tunnelwatch.testing.postgres.RunningPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A cluster of agent JVMs polling a scale lab in this JVM, with one PostgreSQL history for all, and
 * a sampler watching that no router ever has two SSH sessions: what {@link ClusterFailoverIT} and
 * {@link FailoverBenchmark} share. {@link #close()} kills every member by its PID.
 */
final class ClusterHarness implements AutoCloseable {

  /**
   * @param scale the lab's {@code ROUTERSxTUNNELS}
   * @param members how many agent JVMs
   * @param interval every device's poll interval
   * @param failureDetection the cluster's {@code failure_detection}
   * @param alertmanager where the members deliver alerts, if anywhere
   * @param resend the alerts' {@code resend_interval}
   * @param jvmOptions each member's JVM options (its heap)
   */
  record Options(
      String scale,
      int members,
      Duration interval,
      Duration failureDetection,
      Optional<URI> alertmanager,
      Duration resend,
      List<String> jvmOptions) {

    static Options of(String scale, Duration interval, Duration failureDetection) {
      return new Options(
          scale,
          3,
          interval,
          failureDetection,
          Optional.empty(),
          Duration.ofSeconds(1),
          List.of("-Xmx160m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
    }

    Options withAlertmanager(URI url) {
      return new Options(
          scale, members, interval, failureDetection, Optional.of(url), resend, jvmOptions);
    }
  }

  private static final String USER = "tunnelwatch";
  private static final String PASSWORD = "cluster-failover-pass-9e3b";
  private static final Duration SAMPLING = Duration.ofMillis(50);
  private static final Duration SETTLE = Duration.ofSeconds(3);

  private final Options options;
  private final Path dir;
  private final List<AutoCloseable> closing = new ArrayList<>();
  private final Map<String, MemberJvm> members = new LinkedHashMap<>();
  private RunningLab lab;
  private String jdbcUrl;
  private SessionSampler sessions;

  private ClusterHarness(Path dir, Options options) {
    this.dir = dir;
    this.options = options;
  }

  /** Starts PostgreSQL, the lab, the sampler, and every member; returns once all answer HTTP. */
  static ClusterHarness start(Path dir, Options options) throws Exception {
    ClusterHarness harness = new ClusterHarness(dir, options);
    try {
      harness.startAll();
    } catch (Exception | Error e) {
      harness.close();
      throw e;
    }
    return harness;
  }

  private void startAll() throws Exception {
    RunningPostgres postgres = RunningPostgres.start();
    closing.add(postgres);
    jdbcUrl = postgres.newEmptySchema();
    lab =
        ScaleLab.start(
            LabOptions.builder().credentials(USER, PASSWORD).build(),
            ScaleLab.Spec.parse(options.scale()));
    closing.add(lab);
    sessions = SessionSampler.start(lab, SAMPLING);
    closing.add(sessions);
    Path knownHosts = dir.resolve("known_hosts");
    StringBuilder keys = new StringBuilder();
    lab.routers().forEach(r -> keys.append(r.knownHostsLine()).append('\n'));
    Files.writeString(knownHosts, keys);

    List<Integer> clusterPorts = new ArrayList<>();
    for (int i = 0; i < options.members(); i++) {
      clusterPorts.add(FreePorts.tcp());
    }
    List<String> addresses = clusterPorts.stream().map(p -> "127.0.0.1:" + p).toList();
    MemberConfigs configs =
        new MemberConfigs(
            lab.routers(),
            USER,
            jdbcUrl,
            knownHosts,
            addresses,
            options.interval(),
            options.failureDetection(),
            options.alertmanager(),
            options.resend());
    for (int i = 0; i < options.members(); i++) {
      String name = "member-" + (char) ('a' + i);
      int httpPort = FreePorts.tcp();
      Path config = dir.resolve(name + ".yml");
      Files.writeString(config, configs.yaml(httpPort, addresses.get(i)));
      MemberJvm member =
          new MemberJvm(
              name,
              httpPort,
              config,
              dir,
              options.jvmOptions(),
              Map.of(MemberConfigs.PASSWORD_ENV, PASSWORD));
      members.put(name, member);
      closing.add(member);
    }
    for (MemberJvm member : members.values()) {
      member.launch();
    }
    for (MemberJvm member : members.values()) {
      member.awaitHealthy();
    }
  }

  RunningLab lab() {
    return lab;
  }

  String jdbcUrl() {
    return jdbcUrl;
  }

  SessionSampler sessions() {
    return sessions;
  }

  Options options() {
    return options;
  }

  List<MemberJvm> members() {
    return List.copyOf(members.values());
  }

  List<MemberJvm> running() {
    return members.values().stream().filter(MemberJvm::alive).toList();
  }

  Set<String> routerNames() {
    return lab.routers().stream()
        .map(LabRouter::name)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** The devices each running member polls now (by its /metrics). */
  Map<String, Set<String>> polledByMember() {
    Map<String, Set<String>> polled = new LinkedHashMap<>();
    for (MemberJvm member : running()) {
      polled.put(member.name(), new TreeSet<>(member.lastSuccesses().keySet()));
    }
    return polled;
  }

  /**
   * Waits until every member is running, sees all of them in its cluster, and polls some devices,
   * each device polled by exactly one; the owned-devices gauges then add up to the fleet.
   */
  void awaitBalanced(Duration atMost) {
    int size = members.size();
    Set<String> all = routerNames();
    await()
        .atMost(atMost)
        .pollInterval(Duration.ofMillis(250))
        .ignoreExceptions()
        .alias("all " + size + " members up, sharing the " + all.size() + " routers")
        .until(
            () -> {
              if (running().size() != size) {
                return false;
              }
              Set<String> union = new HashSet<>();
              int listed = 0;
              for (Map.Entry<String, Set<String>> polled : polledByMember().entrySet()) {
                if (polled.getValue().isEmpty()) {
                  return false;
                }
                union.addAll(polled.getValue());
                listed += polled.getValue().size();
              }
              return union.equals(all)
                  && listed == all.size()
                  && running().stream()
                      .allMatch(m -> m.gauge("tunnelwatch_cluster_members") == size)
                  && ownedTotal() == all.size();
            });
  }

  /**
   * {@link #awaitBalanced}, then until no device has changed hands for {@link #SETTLE}: Hazelcast
   * moves partitions to a new member a few at a time, so a member that just joined may poll few
   * devices for a while.
   */
  void awaitSettled(Duration atMost) {
    awaitBalanced(atMost);
    AtomicReference<Map<String, Set<String>>> previous = new AtomicReference<>(Map.of());
    await()
        .atMost(atMost)
        .during(SETTLE)
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .alias("no device changing hands for " + SETTLE)
        .until(
            () -> {
              Map<String, Set<String>> now = polledByMember();
              return now.equals(previous.getAndSet(now))
                  && now.size() == members.size()
                  && ownedTotal() == lab.routers().size();
            });
  }

  /** Every log line of every run of every member that contains {@code text}. */
  List<String> logLines(String text) throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> logs = Files.list(dir)) {
      for (Path log : logs.filter(p -> p.toString().endsWith(".log")).sorted().toList()) {
        Files.readAllLines(log).stream()
            .filter(l -> l.contains(text))
            .forEach(l -> found.add(log.getFileName() + ": " + l));
      }
    }
    return found;
  }

  /** The sum of {@code tunnelwatch_cluster_owned_devices} over the running members. */
  int ownedTotal() {
    return (int) running().stream().mapToDouble(m -> owned(m)).sum();
  }

  static double owned(MemberJvm member) {
    return member.gauge("tunnelwatch_cluster_owned_devices");
  }

  /**
   * Kills {@code victim} with SIGKILL and waits until every device it polled has been polled
   * successfully by another member; the times are those the new owners stamped on the polls.
   */
  Failover killAndMeasure(MemberJvm victim, Duration atMost) throws InterruptedException {
    return failAndMeasure(victim, false, atMost);
  }

  /**
   * Like {@link #killAndMeasure}, with the victim frozen (SIGSTOP) instead when {@code freeze}:
   * then only the failure detection's missed heartbeats reveal it. A frozen victim is killed after.
   */
  Failover failAndMeasure(MemberJvm victim, boolean freeze, Duration atMost)
      throws InterruptedException {
    Set<String> devices = victim.lastSuccesses().keySet();
    if (devices.isEmpty()) {
      throw new IllegalStateException(victim.name() + " polls nothing; nothing would fail over");
    }
    Instant killed;
    try {
      killed = freeze ? victim.freeze() : victim.kill();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Instant> repolled = new HashMap<>();
    await()
        .atMost(atMost)
        .pollInterval(Duration.ofMillis(100))
        .alias("the devices of " + victim.name() + " polled again by the others")
        .until(
            () -> {
              for (MemberJvm survivor : running()) {
                if (survivor == victim) {
                  continue;
                }
                Map<String, Double> last;
                try {
                  last = survivor.lastSuccesses();
                } catch (RuntimeException e) {
                  continue;
                }
                last.forEach(
                    (device, seconds) -> {
                      Instant at = Instant.ofEpochMilli(Math.round(seconds * 1000));
                      if (devices.contains(device) && at.isAfter(killed)) {
                        repolled.putIfAbsent(device, at);
                      }
                    });
              }
              return repolled.keySet().containsAll(devices);
            });
    if (freeze) {
      victim.kill();
    }
    return new Failover(victim.name(), killed, repolled);
  }

  @Override
  public void close() {
    // Members first (by PID), then what they use: the lab, PostgreSQL.
    List<AutoCloseable> reversed = new ArrayList<>(closing);
    java.util.Collections.reverse(reversed);
    for (AutoCloseable c : reversed) {
      try {
        c.close();
      } catch (Exception e) {
        // Closing the rest matters more than this one's failure.
        System.err.println("closing " + c + " failed: " + e);
      }
    }
  }
}
