package io.tunnelwatch.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunnelwatch.testing.net.FreePorts;
import io.tunnelwatch.testing.process.ChildJvm;
import io.tunnelwatch.testing.process.Daemon;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A service manager's stop: SIGTERM ends the agent cleanly, with status 0, within seconds. */
class SigtermIT {

  @TempDir Path dir;

  @Test
  void sigtermStopsTheAgentCleanlyWithStatusZero() throws Exception {
    Files.writeString(dir.resolve("known_hosts"), "");
    Path config =
        Files.writeString(
            dir.resolve("tunnelwatch.yml"),
            """
            http:
              listen: 127.0.0.1:%d
            auths:
              lab: {username: netops, password: not-used}
            modules:
              ipsec: {ssh: {}}
            devices:
              - {name: R1, host: 127.0.0.1, module: ipsec,
                 ssh: {port: %d, auth: lab, known_hosts: known_hosts}}
            """
                .formatted(FreePorts.tcp(), FreePorts.tcp()));
    Path log = dir.resolve("agent.log");
    Daemon agent =
        Daemon.start(
                ChildJvm.of(
                        Main.class,
                        "run",
                        "--config",
                        config.toString(),
                        "--state-dir",
                        dir.resolve("state").toString())
                    .command(),
                log)
            .awaitReady(
                () -> Files.readString(log).contains(" polling 1 devices from "),
                Duration.ofSeconds(30));

    int status = agent.terminate(Duration.ofSeconds(5));

    assertThat(status).as(agent.logText()).isZero();
    assertThat(agent.logText()).contains("stopped cleanly").doesNotContain("error while stopping");
  }
}
