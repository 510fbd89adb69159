package io.tunnelwatch.agent.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tunnelwatch.agent.config.AgentConfig;
import io.tunnelwatch.agent.config.ConfigLoader;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentStartTest {

  @TempDir Path dir;

  @Test
  void aStartThatFailsAtTheLastStepClosesEverythingItOpened() throws Exception {
    int httpPort = freePort();
    Files.writeString(dir.resolve("known_hosts"), "");
    // Reports without a history store: the last step fails, after the HTTP server and the poll
    // scheduler have started.
    AgentConfig config =
        new ConfigLoader()
            .parse(
                "test.yml",
                """
                http: {listen: "127.0.0.1:%d"}
                auths:
                  lab: {username: netops, password: not-used}
                modules:
                  ipsec: {ssh: {}}
                devices:
                  - {name: R1, host: 127.0.0.1, module: ipsec, interval: 1h,
                     ssh: {port: %d, auth: lab, known_hosts: known_hosts}}
                reports:
                  - {name: daily, cron: "0 5 0 * * ?", period: previous_day, directory: reports}
                """
                    .formatted(httpPort, freePort()),
                dir);

    assertThatThrownBy(() -> Agent.start(config, Clock.systemUTC(), name -> null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("reports need a history store");

    try (ServerSocket again = new ServerSocket(httpPort, 1, InetAddress.getLoopbackAddress())) {
      assertThat(again.getLocalPort())
          .as("the HTTP server's port is free again")
          .isEqualTo(httpPort);
    }
    // Quartz has stopped its workers when shutdown returns; the threads may take a moment to end.
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(Thread.getAllStackTraces().keySet())
                    .as("the poll scheduler's threads")
                    .noneMatch(t -> t.getName().startsWith("poll-") && t.isAlive()));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
