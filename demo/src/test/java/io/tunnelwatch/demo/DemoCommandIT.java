package io.tunnelwatch.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tunnelwatch.agent.history.CoverageGaps;
import io.tunnelwatch.agent.history.JdbcEventHistory;
import io.tunnelwatch.testing.process.ChildJvm;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DemoCommandIT {

  @TempDir Path dir;

  @Test
  void aBadAlertmanagerUrlIsRefusedBeforeAnythingStarts() {
    StringWriter err = new StringWriter();
    CommandLine cli = DemoMain.commandLine();
    cli.setErr(new PrintWriter(err, true));

    int exit = cli.execute("demo", "--alertmanager", "127.0.0.1:9093");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("--alertmanager: expected an http:// or https:// URL");
  }

  @Test
  void labAndDemoRejectABadControlAddressBeforeStartingAnything() {
    for (String command : new String[] {"lab", "demo"}) {
      StringWriter err = new StringWriter();
      CommandLine cli = DemoMain.commandLine();
      cli.setErr(new PrintWriter(err, true));
      int exit = cli.execute(command, "--lab-control", "nowhere");
      assertThat(exit).as(command).isEqualTo(2);
      assertThat(err.toString())
          .as(command)
          .contains("--lab-control")
          .contains("expected HOST:PORT (e.g. 127.0.0.1:2280), got 'nowhere'");
    }
  }

  @Test
  void theDemoPrintsWhereItKeepsItsHistoryAndRecordsPollsThere() throws Exception {
    Path state = dir.resolve("state");
    Process demo =
        ChildJvm.of(
                DemoMain.class,
                "demo",
                "--listen",
                "127.0.0.1:0",
                "--interval",
                "1",
                "--state-dir",
                state.toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      String history = null;
      while (history == null && (line = out.readLine()) != null) {
        if (line.strip().startsWith("history:")) {
          history = line.strip().substring("history:".length()).strip();
        }
      }
      assertThat(history).isEqualTo(state.resolve("tunnelwatch.db").toString());
      assertThat(Files.exists(state.resolve("tunnelwatch.db"))).isTrue();
      try (JdbcEventHistory store =
          JdbcEventHistory.open(state, new CoverageGaps(Duration.ofSeconds(3), Map.of()))) {
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> store.coverage(Instant.EPOCH, Instant.now().plusSeconds(60)).size() >= 2);
      }
    } finally {
      demo.destroy();
      if (!demo.waitFor(20, TimeUnit.SECONDS)) {
        demo.destroyForcibly();
      }
    }
  }
}
