package io.tunnelwatch.agent.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import io.tunnelwatch.agent.config.ClusterConfig;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;

/** The embedded Hazelcast member's configuration, derived from the {@code cluster:} section. */
public final class HazelcastSettings {

  /** Each device's saved state, keyed by device name; so it lives in the device's partition. */
  public static final String DEVICE_STATES = "tunnelwatch-device-states";

  /** Which member polls each device right now (its member UUID), keyed by device name. */
  public static final String DEVICE_HOLDERS = "tunnelwatch-device-holders";

  /** Runs trap observations on the member that owns the device. */
  public static final String OBSERVATIONS = "tunnelwatch-observations";

  /** Observations waiting to run on one member before more are refused: a burst, not a backlog. */
  static final int OBSERVATION_QUEUE = 1000;

  private static final Duration HEARTBEAT = Duration.ofSeconds(1);
  private static final Duration SPLIT_BRAIN_CHECK = Duration.ofSeconds(10);

  private HazelcastSettings() {}

  /**
   * @param listen {@code cluster.listen} as the agent's other listen addresses are read: every
   *     interface when its host is empty or the wildcard
   */
  public static Config of(ClusterConfig cluster, InetSocketAddress listen) {
    Config config = new Config();
    config.setClusterName(cluster.name());
    // The agent logs through SLF4J, never phones home, and closes the member itself (after the
    // polls have stopped and saved their state), not from a JVM hook of its own.
    config.setProperty("hazelcast.logging.type", "slf4j");
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.shutdownhook.enabled", "false");
    config.setProperty("hazelcast.heartbeat.interval.seconds", seconds(HEARTBEAT));
    // The default (60 s) would leave a dead member's devices unpolled for several intervals.
    config.setProperty("hazelcast.max.no.heartbeat.seconds", seconds(cluster.failureDetection()));
    config.setProperty("hazelcast.wait.seconds.before.join", "1");
    // After a split (a member wrongly declared dead on a busy machine, a network partition) both
    // sides poll their devices; Hazelcast's defaults look for the other side only after 5 minutes.
    config.setProperty("hazelcast.merge.first.run.delay.seconds", seconds(SPLIT_BRAIN_CHECK));
    config.setProperty("hazelcast.merge.next.run.delay.seconds", seconds(SPLIT_BRAIN_CHECK));
    config.getJetConfig().setEnabled(false);

    NetworkConfig network = config.getNetworkConfig();
    network.setPort(listen.getPort()).setPortAutoIncrement(false);
    InetAddress ip = listen.getAddress();
    if (ip == null || !ip.isAnyLocalAddress()) {
      String host = ip == null ? listen.getHostString() : ip.getHostAddress();
      network.getInterfaces().setEnabled(true).addInterface(host);
      config.setProperty("hazelcast.local.localAddress", host);
    }
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    cluster
        .kubernetesServiceDns()
        .ifPresentOrElse(
            dns -> join.getKubernetesConfig().setEnabled(true).setProperty("service-dns", dns),
            () -> join.getTcpIpConfig().setEnabled(true).setMembers(cluster.members()));

    // A synchronous backup: a state written after a poll survives the owner's SIGKILL.
    config.getMapConfig(DEVICE_STATES).setBackupCount(1).setAsyncBackupCount(0);
    config.getMapConfig(DEVICE_HOLDERS).setBackupCount(1).setAsyncBackupCount(0);
    config.getExecutorConfig(OBSERVATIONS).setPoolSize(2).setQueueCapacity(OBSERVATION_QUEUE);
    return config;
  }

  private static String seconds(Duration duration) {
    return Long.toString(Math.max(1, duration.toSeconds()));
  }
}
