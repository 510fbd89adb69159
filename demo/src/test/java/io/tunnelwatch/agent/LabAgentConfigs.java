package io.tunnelwatch.agent;

import io.tunnelwatch.agent.config.AgentConfig;
import io.tunnelwatch.agent.config.AlertingConfig;
import io.tunnelwatch.agent.config.EventsConfig;
import io.tunnelwatch.demo.DemoConfig;
import io.tunnelwatch.lab.RunningLab;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The agent configurations the end-to-end tests run against the reference lab. */
public final class LabAgentConfigs {

  private LabAgentConfigs() {}

  /**
   * R1 and R2 on both faces, as in the demo (SNMP carries the IPsec byte counters and the reboot's
   * sysUpTime), polled every {@code interval}; HTTP and traps on free loopback ports.
   */
  public static AgentConfig bothFaces(
      RunningLab lab, String user, String password, Duration interval, Path dir)
      throws IOException {
    return DemoConfig.forLabWithSnmp(
        lab, user, password, "public", "127.0.0.1:0", "127.0.0.1:0", interval, dir);
  }

  /**
   * Event windows short enough for a test, in the same proportions as the defaults. The storm
   * window runs on the agent's own (real) time, which a lab clock cannot leap: a storm resolves 10
   * s after its last rekey instead of 30 s.
   */
  public static EventsConfig fastEvents() {
    return EventsConfig.builder()
        .unreachableAfterPolls(2)
        .negotiationFailurePolls(2)
        .trafficWindow(Duration.ofSeconds(4))
        .stormWindow(Duration.ofSeconds(10))
        .stormRekeys(2)
        .cpuThreshold(0.9)
        .cpuWindow(Duration.ofSeconds(3))
        .build();
  }

  /**
   * {@code config} with {@link #fastEvents()} and its own alerts sent to one Alertmanager, re-sent
   * every second.
   */
  public static AgentConfig fastAlertingTo(AgentConfig config, String alertmanagerUrl) {
    return new AgentConfig(
        config.http(),
        config.auths(),
        config.modules(),
        config.devices(),
        fastEvents(),
        config.history(),
        new AlertingConfig(List.of(alertmanagerUrl), List.of(), Duration.ofSeconds(1)));
  }
}
