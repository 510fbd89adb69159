package io.tunnelwatch.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tunnelwatch.testing.http.HttpGet;
import io.tunnelwatch.testing.net.FreePorts;
import io.tunnelwatch.testing.process.ChildJvm;
import io.tunnelwatch.testing.process.Daemon;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code run} with the flags of the Prometheus exporters, as a service unit would start it. */
class PrometheusFlagsIT {

  @TempDir Path dir;
  private Path config;
  private int configuredPort;

  @BeforeEach
  void writeConfig() throws Exception {
    Files.writeString(dir.resolve("known_hosts"), "");
    configuredPort = FreePorts.tcp();
    config =
        Files.writeString(
            dir.resolve("tunnelwatch.yml"),
            """
            http:
              listen: 127.0.0.1:%d
            auths:
              lab: {username: netops, password_env: FLAGS_IT_PASSWORD}
            modules:
              ipsec: {ssh: {}}
            devices:
              - {name: R1, host: 127.0.0.1, module: ipsec,
                 ssh: {port: %d, auth: lab, known_hosts: known_hosts}}
            """
                .formatted(configuredPort, FreePorts.tcp()));
  }

  @Test
  void webListenAddressAndLogLevelOverrideTheFile() throws Exception {
    int flagPort = FreePorts.tcp();
    URI healthy = URI.create("http://127.0.0.1:" + flagPort + "/-/healthy");
    Path log = dir.resolve("agent.log");
    ProcessBuilder builder =
        ChildJvm.of(
            Main.class,
            "run",
            "--config.file",
            config.toString(),
            "--web.listen-address",
            "127.0.0.1:" + flagPort,
            "--log.level",
            "warn");
    builder.environment().put("FLAGS_IT_PASSWORD", "not-used");
    Daemon agent =
        Daemon.start(builder.command(), builder.environment(), log)
            .awaitReady(() -> HttpGet.ok(healthy), Duration.ofSeconds(30));
    try {
      assertThat(HttpGet.ok(URI.create("http://127.0.0.1:" + configuredPort + "/-/healthy")))
          .isFalse();
      // Info lines, such as the start-up summary, are below the level asked for.
      assertThat(agent.logText()).doesNotContain(" polling 1 devices from ");
    } finally {
      agent.terminate(Duration.ofSeconds(5));
    }
  }

  @Test
  void logFormatJsonWritesOneJsonObjectPerLineAndLogfmtIsTheDefault() throws Exception {
    int port = FreePorts.tcp();
    URI healthy = URI.create("http://127.0.0.1:" + port + "/-/healthy");
    for (String format : List.of("json", "logfmt")) {
      List<String> args =
          new ArrayList<>(
              List.of(
                  "run",
                  "--config.file",
                  config.toString(),
                  "--web.listen-address",
                  "127.0.0.1:" + port));
      if (format.equals("json")) {
        args.addAll(List.of("--log.format", "json"));
      }
      // The shipped logback.xml, not the tests' logback-test.xml that the class path puts first.
      ProcessBuilder builder =
          ChildJvm.of(
              List.of("-Dlogback.configurationFile=logback.xml"),
              Main.class,
              args.toArray(String[]::new));
      builder.environment().put("FLAGS_IT_PASSWORD", "not-used");
      Daemon agent =
          Daemon.start(builder.command(), builder.environment(), dir.resolve(format + ".log"))
              .awaitReady(() -> HttpGet.ok(healthy), Duration.ofSeconds(30));
      try {
        await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> agent.logText().contains(" polling 1 devices from "));
      } finally {
        agent.terminate(Duration.ofSeconds(5));
      }
      List<String> lines = agent.logText().lines().filter(l -> !l.isBlank()).toList();
      assertThat(lines).hasSizeGreaterThanOrEqualTo(2);
      if (format.equals("json")) {
        ObjectMapper json = new ObjectMapper();
        for (String line : lines) {
          JsonNode event = json.readTree(line);
          assertThat(event.path("level").asText()).as(line).isIn("debug", "info", "warn", "error");
          assertThat(event.path("ts").asText()).as(line).endsWith("Z");
        }
        assertThat(lines)
            .anySatisfy(
                l ->
                    assertThat(json.readTree(l).path("msg").asText())
                        .matches(
                            "tunnelwatch \\S+ polling 1 devices from .*tunnelwatch.yml; metrics at .*"));
      } else {
        assertThat(lines)
            .allSatisfy(
                l ->
                    assertThat(l)
                        .matches("ts=\\S+ level=(debug|info|warn|error) logger=\\S+ msg=.*"))
            .anySatisfy(
                l ->
                    assertThat(l)
                        .matches(
                            "ts=\\S+ level=info logger=i.t.a.cli.RunCommand msg=\"tunnelwatch \\S+ polling 1 devices from .*"));
      }
    }
  }

  @Test
  void aWrongWebConfigFileStopsRunWithExit1NamingTheKey() throws Exception {
    Path web = Files.writeString(dir.resolve("web.yml"), "basic_auth_users:\n  alice: plain\n");
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setErr(new PrintWriter(err, true));

    int exit =
        cli.execute("run", "--config.file", config.toString(), "--web.config.file", web.toString());

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString()).contains("basic_auth_users.alice").contains("bcrypt");
  }

  @Test
  void aWrongLogLevelOrListenAddressIsAUsageErrorNamingTheFlag() {
    for (String[] args :
        new String[][] {
          {"--log.level", "loud"},
          {"--web.listen-address", "nowhere"},
          {"--log.format", "xml"},
        }) {
      StringWriter err = new StringWriter();
      CommandLine cli = Main.commandLine();
      cli.setErr(new PrintWriter(err, true));

      int exit = cli.execute("run", "--config.file", config.toString(), args[0], args[1]);

      assertThat(exit).as(String.join(" ", args)).isEqualTo(2);
      assertThat(err.toString()).contains(args[0]);
    }
  }
}
