package io.tunnelwatch.agent.run;

import io.tunnelwatch.agent.config.AgentConfig;
import io.tunnelwatch.agent.config.DeviceConfig;
import io.tunnelwatch.agent.config.ModuleConfig;
import io.tunnelwatch.agent.poll.DevicePoller;
import io.tunnelwatch.agent.poll.SnmpDevicePoller;
import io.tunnelwatch.agent.poll.SshDevicePoller;
import io.tunnelwatch.ios.transport.ReconnectingCliSession;
import io.tunnelwatch.ios.transport.SshConnector;
import io.tunnelwatch.snmp.SnmpException;
import io.tunnelwatch.snmp.WalkLimits;
import io.tunnelwatch.snmp.poll.SnmpSnapshotCollector;
import io.tunnelwatch.snmp.transport.Snmp4jClient;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the pollers of each configured device: SNMP first (cheap, and its failure records date
 * what the CLI then shows), then SSH. Owns the transports they share: one SSH client and one SNMP
 * socket for the whole agent.
 */
final class DevicePollers implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DevicePollers.class);
  private static final ReconnectingCliSession.Backoff RECONNECT_BACKOFF =
      new ReconnectingCliSession.Backoff(Duration.ofSeconds(1), Duration.ofMinutes(2));

  private final int maxConcurrentRequests;
  private final Clock clock;
  private final DeviceTargets targets;
  private final SshConnector connector = new SshConnector();
  // Opened with the first SNMP device, maybe by a reload; read by scrapes.
  private volatile @Nullable Snmp4jClient snmpClient;

  /**
   * @param config the configuration at start: the SNMP socket's request window is opened once
   */
  DevicePollers(AgentConfig config, Clock clock, Function<String, String> environment) {
    this.maxConcurrentRequests = config.polling().maxConcurrentRequests();
    this.clock = clock;
    this.targets = new DeviceTargets(environment);
  }

  /**
   * The pollers of one device, with the module and credentials it names in {@code config} (the
   * running configuration, which a reload replaces).
   */
  List<DevicePoller> forDevice(AgentConfig config, DeviceConfig device) throws IOException {
    ModuleConfig module = config.module(device.module());
    List<DevicePoller> pollers = new ArrayList<>();
    if (device.snmp().isPresent()) {
      pollers.add(snmp(config, device, module.snmp()));
    }
    if (device.ssh().isPresent()) {
      pollers.add(ssh(config, device, module.ssh()));
    }
    return pollers;
  }

  private DevicePoller ssh(
      AgentConfig config, DeviceConfig device, ModuleConfig.SshModuleConfig module) {
    ReconnectingCliSession session =
        new ReconnectingCliSession(
            () ->
                connector.open(
                    targets.ssh(config, device),
                    module.commandTimeout(),
                    DeviceTargets.outputLimits(module)),
            RECONNECT_BACKOFF);
    return new SshDevicePoller(device.name(), session, module.commandTimeout(), clock);
  }

  private DevicePoller snmp(
      AgentConfig config, DeviceConfig device, ModuleConfig.SnmpModuleConfig module)
      throws IOException {
    SnmpSnapshotCollector poll =
        new SnmpSnapshotCollector(
            snmpClient(),
            clock,
            new WalkLimits(module.maxRepetitions(), module.maxRowsPerWalk(), module.walkTimeout()));
    return new SnmpDevicePoller(device.name(), poll, () -> targets.snmp(config, device));
  }

  private synchronized Snmp4jClient snmpClient() throws IOException {
    Snmp4jClient client = snmpClient;
    if (client == null) {
      try {
        client = Snmp4jClient.open(maxConcurrentRequests);
      } catch (SnmpException e) {
        throw new IOException("cannot open the SNMP socket: " + e.getMessage(), e);
      }
      snmpClient = client;
    }
    return client;
  }

  /** SNMP requests awaiting an answer now (0 before the first SNMP device). */
  int snmpRequestsInFlight() {
    Snmp4jClient client = snmpClient;
    return client == null ? 0 : client.requestsInFlight();
  }

  /** SNMP requests waiting for a place in the request window now. */
  int snmpRequestsQueued() {
    Snmp4jClient client = snmpClient;
    return client == null ? 0 : client.requestsQueued();
  }

  @Override
  public synchronized void close() {
    connector.close();
    Snmp4jClient client = snmpClient;
    if (client != null) {
      try {
        client.close();
      } catch (IOException e) {
        LOG.warn("closing the SNMP socket failed: {}", e.getMessage());
      }
    }
  }
}
