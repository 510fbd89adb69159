package io.tunnelwatch.agent.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Several agents as one (docs/cluster.md): each device is polled by exactly one member, and its
 * state moves with it when members come and go. Absent: the agent runs alone.
 *
 * @param name the cluster's name; members of another name never join
 * @param listen this member's {@code host:port} for cluster traffic
 * @param members {@code host:port} of the members to join over TCP/IP (this one may be listed)
 * @param failureDetection how long a silent member is waited for before its devices move; the poll
 *     interval plus this bounds a failover
 * @param kubernetesServiceDns a headless service's DNS name whose addresses are the members,
 *     instead of {@code members}
 */
public record ClusterConfig(
    String name,
    String listen,
    List<String> members,
    Duration failureDetection,
    Optional<String> kubernetesServiceDns) {

  public static final String DEFAULT_NAME = "tunnelwatch";
  public static final String DEFAULT_LISTEN = "0.0.0.0:5701";
  public static final Duration DEFAULT_FAILURE_DETECTION = Duration.ofSeconds(10);
  public static final ClusterConfig NONE =
      new ClusterConfig(
          DEFAULT_NAME, DEFAULT_LISTEN, List.of(), DEFAULT_FAILURE_DETECTION, Optional.empty());

  // Jackson passes null for a key the YAML leaves out: its default, resolved here.
  public ClusterConfig {
    name = Objects.requireNonNullElse(name, DEFAULT_NAME);
    listen = Objects.requireNonNullElse(listen, DEFAULT_LISTEN);
    members = members == null ? List.of() : List.copyOf(members);
    failureDetection = Objects.requireNonNullElse(failureDetection, DEFAULT_FAILURE_DETECTION);
    kubernetesServiceDns = Objects.requireNonNullElse(kubernetesServiceDns, Optional.empty());
  }

  /** Members to join over TCP/IP, the rest at its defaults. */
  public static ClusterConfig ofMembers(String listen, List<String> members) {
    return new ClusterConfig(
        DEFAULT_NAME, listen, members, DEFAULT_FAILURE_DETECTION, Optional.empty());
  }

  public boolean enabled() {
    return !members.isEmpty() || kubernetesServiceDns.isPresent();
  }
}
