package io.tunnelwatch.agent.config;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code cluster} section (docs/cluster.md): a name, this member's address, one way to find the
 * others, a failure detection the heartbeats can meet, and the one history every member shares.
 */
final class ClusterValidator {

  /**
   * Heartbeats go out every second; a shorter wait would evict a member for one GC pause or a
   * dropped packet or two.
   */
  static final Duration MIN_FAILURE_DETECTION = Duration.ofSeconds(2);

  /** Longer, and a dead member's devices would go unpolled for as long. */
  static final Duration MAX_FAILURE_DETECTION = Duration.ofMinutes(10);

  private static final String LISTEN_EXAMPLE = "0.0.0.0:5701";
  private static final String MEMBER_EXAMPLE = "10.0.0.5:5701";

  private static final String SHARED =
      "a cluster's members must share one history (history.jdbc_url: jdbc:postgresql:...)";
  private static final String NOT_SQLITE =
      ": SQLite keeps one file on each machine, so a device's history would be split between"
          + " the members that polled it as it moves";

  private ClusterValidator() {}

  /**
   * @param given whether the file has a {@code cluster} mapping, even one without members: that is
   *     a cluster missing its members, not an agent meant to run alone
   */
  static void validate(
      ConfigChecks checks, ClusterConfig cluster, boolean given, HistoryConfig history) {
    if (!given) {
      return;
    }
    checks.requireName("cluster.name", cluster.name());
    checks.requireHostPort("cluster.listen", cluster.listen(), LISTEN_EXAMPLE);
    validateDiscovery(checks, cluster);
    checks.requireDuration(
        "cluster.failure_detection",
        cluster.failureDetection(),
        MIN_FAILURE_DETECTION,
        MAX_FAILURE_DETECTION);
    requireSharedHistory(checks, history, "history.state_dir");
  }

  private static void validateDiscovery(ConfigChecks checks, ClusterConfig cluster) {
    List<String> members = cluster.members();
    if (members.isEmpty() && cluster.kubernetesServiceDns().isEmpty()) {
      checks.problem(
          "cluster",
          "expected members (each member's host:port, such as "
              + MEMBER_EXAMPLE
              + ") or kubernetes_service_dns (a headless service's DNS name)");
    } else if (!members.isEmpty() && cluster.kubernetesServiceDns().isPresent()) {
      checks.problem("cluster", "expected members or kubernetes_service_dns, not both");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < members.size(); i++) {
      String path = "cluster.members[" + i + "]";
      String member = members.get(i);
      checks.requireHostPort(path, member, MEMBER_EXAMPLE);
      if (!seen.add(member)) {
        checks.problem(path, "duplicate member " + Shown.quoted(member));
      }
    }
    cluster
        .kubernetesServiceDns()
        .ifPresent(dns -> checks.requireHost("cluster.kubernetes_service_dns", dns));
  }

  /**
   * A device's events and state move with it from member to member, so every member must write to
   * the same database: PostgreSQL. Called only for a cluster.
   *
   * @param stateDirKey what set a SQLite directory, as the problem names it: {@code
   *     history.state_dir} in the file, or the command line's {@code --state-dir}
   */
  static void requireSharedHistory(ConfigChecks checks, HistoryConfig history, String stateDirKey) {
    if (history.stateDir().isPresent()) {
      checks.problem(stateDirKey, SHARED + ", not " + stateDirKey + NOT_SQLITE);
    } else if (history.jdbcUrl().isEmpty()) {
      checks.problem(
          "history",
          SHARED
              + ", got none: the members would share no record of a device's events as it"
              + " moves between them");
    } else if (history.jdbcUrl().get().startsWith("jdbc:sqlite:")) {
      // The URL itself is never echoed: it may carry a password.
      checks.problem("history.jdbc_url", SHARED + ", not a jdbc:sqlite: URL" + NOT_SQLITE);
    }
    // Any other URL is refused by the history checks already.
  }
}
