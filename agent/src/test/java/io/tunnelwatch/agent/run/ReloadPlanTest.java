package io.tunnelwatch.agent.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunnelwatch.agent.config.AgentConfig;
import io.tunnelwatch.agent.config.ConfigException;
import io.tunnelwatch.agent.config.ConfigLoader;
import io.tunnelwatch.agent.config.DeviceConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pure diff behind a reload, between configurations read the way the agent reads them. */
class ReloadPlanTest {

  @TempDir Path dir;

  @BeforeEach
  void files() throws IOException {
    Files.writeString(dir.resolve("known_hosts"), "");
    Files.createDirectories(dir.resolve("state"));
    Files.createDirectories(dir.resolve("other-state"));
  }

  private static final String AUTHS =
      """
      auths:
        lab: {username: netops, password: inline-secret}
        other: {username: netops, password: another-secret}
      """;

  private static final String MODULES =
      """
      modules:
        ipsec: {ssh: {command_timeout: 10s}}
        slow: {ssh: {command_timeout: 30s}}
      """;

  private static String device(String name, int port, String extra) {
    return "  - {name: %s, host: 127.0.0.1, module: ipsec, ssh: {port: %d, auth: lab, known_hosts: known_hosts}%s}\n"
        .formatted(name, port, extra);
  }

  private AgentConfig config(String yaml) throws ConfigException {
    return new ConfigLoader().parse("test.yml", yaml, dir);
  }

  private AgentConfig fleet(String... devices) throws ConfigException {
    return config(AUTHS + MODULES + "devices:\n" + String.join("", devices));
  }

  private static List<String> names(List<DeviceConfig> devices) {
    return devices.stream().map(DeviceConfig::name).toList();
  }

  @Test
  void theSameFileReadTwiceChangesNothingEvenWithAnInlineSecret() throws ConfigException {
    ReloadPlan plan =
        ReloadPlan.between(
            fleet(device("R1", 2201, ""), device("R2", 2202, "")),
            fleet(device("R1", 2201, ""), device("R2", 2202, "")));

    assertThat(plan.unchanged()).containsExactly("R1", "R2");
    assertThat(plan.added()).isEmpty();
    assertThat(plan.removed()).isEmpty();
    assertThat(plan.changed()).isEmpty();
    assertThat(plan.needRestart()).isEmpty();
    assertThat(plan.devicesUnchanged()).isTrue();
  }

  @Test
  void sortsDevicesIntoAddedRemovedChangedAndUnchanged() throws ConfigException {
    ReloadPlan plan =
        ReloadPlan.between(
            fleet(device("R1", 2201, ""), device("R2", 2202, ""), device("R3", 2203, "")),
            fleet(
                device("R4", 2204, ""),
                device("R3", 2203, ", interval: 5s"),
                device("R1", 2201, "")));

    assertThat(names(plan.added())).containsExactly("R4");
    assertThat(plan.removed()).containsExactly("R2");
    assertThat(names(plan.changed())).containsExactly("R3");
    assertThat(plan.changed().get(0).interval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(plan.unchanged()).containsExactly("R1");
    assertThat(plan.devicesUnchanged()).isFalse();
  }

  @Test
  void anyChangeOfADeviceEntryChangesIt() throws ConfigException {
    AgentConfig running = fleet(device("R1", 2201, ""));
    for (String changedEntry :
        List.of(
            device("R1", 2299, ""),
            device("R1", 2201, ", interval: 1m"),
            device("R1", 2201, ", events: {expected_tunnels: [Tunnel10]}"),
            device("R1", 2201, "").replace("module: ipsec", "module: slow"),
            device("R1", 2201, "").replace("auth: lab", "auth: other"),
            device("R1", 2201, "").replace("host: 127.0.0.1", "host: 127.0.0.2"))) {
      ReloadPlan plan = ReloadPlan.between(running, fleet(changedEntry));

      assertThat(names(plan.changed())).as(changedEntry).containsExactly("R1");
      assertThat(plan.unchanged()).as(changedEntry).isEmpty();
    }
  }

  @Test
  void changedCredentialsOrModuleChangeOnlyTheDevicesUsingThem() throws ConfigException {
    AgentConfig running =
        fleet(
            device("R1", 2201, ""),
            device("R2", 2202, "").replace("auth: lab", "auth: other"),
            device("R3", 2203, "").replace("module: ipsec", "module: slow"));
    String devices =
        "devices:\n"
            + device("R1", 2201, "")
            + device("R2", 2202, "").replace("auth: lab", "auth: other")
            + device("R3", 2203, "").replace("module: ipsec", "module: slow");

    ReloadPlan newPassword =
        ReloadPlan.between(
            running, config(AUTHS.replace("another-secret", "rotated-secret") + MODULES + devices));
    ReloadPlan slowerModule =
        ReloadPlan.between(running, config(AUTHS + MODULES.replace("30s", "45s") + devices));

    assertThat(names(newPassword.changed())).containsExactly("R2");
    assertThat(newPassword.unchanged()).containsExactly("R1", "R3");
    assertThat(names(slowerModule.changed())).containsExactly("R3");
    assertThat(slowerModule.unchanged()).containsExactly("R1", "R2");
  }

  @Test
  void topLevelEventSettingsAndTheConfirmationDelayApplyWithoutReconnecting()
      throws ConfigException {
    AgentConfig running = fleet(device("R1", 2201, ""));
    AgentConfig loaded =
        config(
            AUTHS
                + MODULES
                + "devices:\n"
                + device("R1", 2201, "")
                + "events: {unreachable_after_polls: 7}\n"
                + "polling: {confirmation_delay: 9s}\n");

    ReloadPlan plan = ReloadPlan.between(running, loaded);

    assertThat(plan.unchanged()).containsExactly("R1");
    assertThat(plan.needRestart()).isEmpty();
    assertThat(plan.next().events()).isEqualTo(loaded.events());
    assertThat(plan.next().polling().confirmationDelay()).isEqualTo(Duration.ofSeconds(9));
  }

  @Test
  void settingsOpenedAtStartKeepTheirRunningValuesAndAreNamed() throws ConfigException {
    String devices =
        "devices:\n"
            + device("R1", 2201, "")
            + "  - {name: S1, host: 127.0.0.1, module: ipsec, snmp: {auth: ro}}\n";
    String auths = AUTHS + "  ro: {snmp: {version: 2c, community: public}}\n";
    String modules =
        MODULES.replace("ipsec: {ssh: {command_timeout: 10s}}", "ipsec: {ssh: {}, snmp: {}}");
    AgentConfig running =
        config(
            "http: {listen: 127.0.0.1:9417}\n"
                + auths
                + modules
                + devices
                + "history: {state_dir: state}\n"
                + "polling: {workers: 4, max_concurrent_requests: 100}\n"
                + "alerting: {alertmanager: ['http://127.0.0.1:9093']}\n");
    AgentConfig loaded =
        config(
            "http: {listen: 127.0.0.1:9999}\n"
                + auths
                + modules
                + devices
                + "history: {state_dir: other-state}\n"
                + "polling: {workers: 8, max_concurrent_requests: 200, confirmation_delay: 7s}\n"
                + "alerting: {alertmanager: ['http://127.0.0.1:9094']}\n"
                + "traps: {listen: '127.0.0.1:0', auths: [ro]}\n");

    ReloadPlan plan = ReloadPlan.between(running, loaded);

    assertThat(plan.needRestart())
        .containsExactly(
            "http.listen",
            "history",
            "polling.workers",
            "polling.max_concurrent_requests",
            "traps",
            "alerting");
    assertThat(plan.next().http()).isEqualTo(running.http());
    assertThat(plan.next().history()).isEqualTo(running.history());
    assertThat(plan.next().polling().workers()).isEqualTo(4);
    assertThat(plan.next().polling().maxConcurrentRequests()).isEqualTo(100);
    assertThat(plan.next().polling().confirmationDelay()).isEqualTo(Duration.ofSeconds(7));
    assertThat(plan.next().traps()).isEqualTo(running.traps());
    assertThat(plan.next().alerting()).isEqualTo(running.alerting());
    assertThat(plan.unchanged()).containsExactly("R1", "S1");
  }

  @Test
  void newCredentialsForTheTrapReceiverNeedARestart() throws ConfigException {
    String snmpAuths =
        """
        auths:
          lab: {username: netops, password: inline-secret}
          ro: {snmp: {version: 2c, community: public}}
        """;
    String rest =
        MODULES
            + "devices:\n"
            + device("R1", 2201, "")
            + "traps: {listen: '127.0.0.1:0', auths: [ro]}\n";

    ReloadPlan plan =
        ReloadPlan.between(
            config(snmpAuths + rest), config(snmpAuths.replace("public", "private") + rest));

    assertThat(plan.needRestart()).containsExactly("traps");
    assertThat(plan.unchanged()).containsExactly("R1");
  }
}
