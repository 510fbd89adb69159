package io.tunnelwatch.agent.cluster;

import io.tunnelwatch.lab.LabRouter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The YAML configuration of one member: the lab's routers over SSH, the shared PostgreSQL history,
 * the cluster section listing every member, and alerting when an Alertmanager is given.
 *
 * @param username the lab's SSH user; the password comes from {@link #PASSWORD_ENV}
 * @param jdbcUrl the history every member shares
 * @param knownHosts the lab's host keys
 * @param members every member's cluster {@code host:port}
 * @param alertmanager where the members deliver alerts, re-sent every {@code resend}
 */
record MemberConfigs(
    List<LabRouter> routers,
    String username,
    String jdbcUrl,
    Path knownHosts,
    List<String> members,
    Duration interval,
    Duration failureDetection,
    Optional<URI> alertmanager,
    Duration resend) {

  static final String PASSWORD_ENV = "CLUSTER_LAB_PASSWORD";

  /** The file of the member listening on {@code httpPort} and cluster address {@code listen}. */
  String yaml(int httpPort, String listen) {
    StringBuilder y = new StringBuilder();
    y.append("http:\n  listen: 127.0.0.1:").append(httpPort).append('\n');
    y.append("auths:\n  lab:\n    username: ").append(username).append('\n');
    y.append("    password_env: ").append(PASSWORD_ENV).append('\n');
    y.append("modules:\n  ipsec_gre:\n    ssh:\n      command_timeout: 5s\n");
    y.append("history:\n  jdbc_url: \"").append(jdbcUrl).append("\"\n");
    y.append("cluster:\n  listen: ").append(listen).append('\n');
    y.append("  members: [").append(String.join(", ", members)).append("]\n");
    y.append("  failure_detection: ").append(failureDetection.toSeconds()).append("s\n");
    alertmanager.ifPresent(
        am ->
            y.append("alerting:\n  alertmanager: [")
                .append(am)
                .append("]\n  resend_interval: ")
                .append(resend.toSeconds())
                .append("s\n"));
    y.append("devices:\n");
    for (LabRouter router : routers) {
      y.append("  - name: ").append(router.name()).append('\n');
      y.append("    host: ").append(router.sshHost()).append('\n');
      y.append("    module: ipsec_gre\n");
      y.append("    interval: ").append(interval.toSeconds()).append("s\n");
      y.append("    ssh:\n      port: ").append(router.sshPort()).append('\n');
      y.append("      auth: lab\n      known_hosts: ").append(knownHosts).append('\n');
    }
    return y.toString();
  }
}
