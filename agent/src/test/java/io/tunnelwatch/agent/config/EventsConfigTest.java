package io.tunnelwatch.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunnelwatch.agent.events.TrackerSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventsConfigTest {

  @TempDir Path dir;

  private final ConfigLoader loader = new ConfigLoader();

  @BeforeEach
  void knownHosts() throws IOException {
    Files.writeString(dir.resolve("known_hosts"), "");
    Files.writeString(dir.resolve("password.txt"), "s3cret\n");
  }

  private static String config(String topEvents, String deviceEvents) {
    return """
        auths:
          lab:
            username: netops
            password_file: password.txt
        modules:
          ipsec:
            ssh: {}
        %s
        devices:
          - name: R1
            host: 127.0.0.1
            module: ipsec
            ssh:
              auth: lab
              known_hosts: known_hosts
        %s
          - name: R2
            host: 127.0.0.1
            module: ipsec
            ssh:
              auth: lab
              known_hosts: known_hosts
        """
        .formatted(topEvents, deviceEvents);
  }

  @Test
  void withoutAnEventsSectionEveryDeviceGetsTheDefaults() throws ConfigException {
    AgentConfig config = loader.parse("t.yml", config("", ""), dir);

    for (DeviceConfig device : config.devices()) {
      assertThat(device.events().settingsOver(config.events())).isEqualTo(TrackerSettings.DEFAULTS);
    }
  }

  @Test
  void aDeviceOverridesTheTopLevelWhichOverridesTheDefaults() throws ConfigException {
    String top =
        """
        events:
          traffic_window: 10m
          cpu_threshold: 0.8
          ipsec_lifetime: 30m
          forget_after: 30d
        """;
    String r1 =
        """
            events:
              cpu_threshold: 0.95
              unreachable_after_polls: 5
              expected_tunnels: [Tunnel10]
              expected_peers: [200.0.0.1]
              forget_after: 2d
        """;
    AgentConfig config = loader.parse("t.yml", config(top, r1), dir);

    TrackerSettings r1Settings = config.devices().get(0).events().settingsOver(config.events());
    TrackerSettings r2Settings = config.devices().get(1).events().settingsOver(config.events());
    assertThat(r1Settings.cpuThreshold()).isEqualTo(0.95);
    assertThat(r1Settings.unreachableAfterPolls()).isEqualTo(5);
    assertThat(r1Settings.trafficWindow()).isEqualTo(Duration.ofMinutes(10));
    assertThat(r1Settings.ipsecLifetime()).isEqualTo(Duration.ofMinutes(30));
    assertThat(r1Settings.expectedTunnels()).isEqualTo(Set.of("Tunnel10"));
    assertThat(r1Settings.expectedPeers()).isEqualTo(Set.of("200.0.0.1"));
    assertThat(r2Settings.cpuThreshold()).isEqualTo(0.8);
    assertThat(r2Settings.unreachableAfterPolls())
        .isEqualTo(TrackerSettings.DEFAULTS.unreachableAfterPolls());
    assertThat(r2Settings.expectedPeers()).isEmpty();
    assertThat(r1Settings.forgetAfter()).isEqualTo(Duration.ofDays(2));
    assertThat(r2Settings.forgetAfter()).isEqualTo(Duration.ofDays(30));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "threshold above 1 | 'events:\n  cpu_threshold: 90' | '' | events.cpu_threshold | expected a ratio above 0 and at most 1",
        "threshold not a number | 'events:\n  cpu_threshold: high' | '' | events.cpu_threshold | expected a number",
        "zero polls | '' | '    events:\n      unreachable_after_polls: 0' | devices[0].events.unreachable_after_polls | expected a whole number of at least 1",
        "zero window | '' | '    events:\n      traffic_window: 0s' | devices[0].events.traffic_window | 0ms is shorter than the minimum of 1ms",
        "bad window | 'events:\n  storm_window: often' | '' | events.storm_window | expected a duration",
        "misspelt key | '' | '    events:\n      cpu_treshold: 0.5' | devices[0].events.cpu_treshold | unknown key 'cpu_treshold'",
        "expected peers at top level | 'events:\n  expected_peers: [200.0.0.1]' | '' | events.expected_peers | only allowed under a device",
        "forget after too long | 'events:\n  forget_after: 400d' | '' | events.forget_after | longer than the maximum",
        "blank expected tunnel | '' | '    events:\n      expected_tunnels: [\"\"]' | devices[0].events.expected_tunnels[0] | expected a non-empty name",
      })
  void namesTheKeyPathOfABadValue(
      String name, String top, String device, String path, String message) {
    String yaml = config(top.replace("\\n", "\n"), device.replace("\\n", "\n"));

    assertThatThrownBy(() -> loader.parse("t.yml", yaml, dir))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .anySatisfy(
                        p -> {
                          assertThat(p.path()).isEqualTo(path);
                          assertThat(p.message()).contains(message);
                        }));
  }
}
