package io.tunnelwatch.agent.run;

import io.tunnelwatch.agent.config.AgentConfig;
import io.tunnelwatch.agent.config.DeviceConfig;
import io.tunnelwatch.agent.config.SnmpAuthConfig;
import io.tunnelwatch.core.model.Observation;
import io.tunnelwatch.snmp.SnmpCredentials;
import io.tunnelwatch.snmp.SnmpException;
import io.tunnelwatch.snmp.trap.TrapRateLimit;
import io.tunnelwatch.snmp.trap.TrapReceiver;
import io.tunnelwatch.snmp.trap.TrapReceiverConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the SNMP trap receiver of the configuration and hands what it decodes to the event
 * tracker. A trap is believed only when it comes from the address of a configured device; the
 * devices are those of the running configuration, which a reload replaces.
 */
final class TrapIntake {

  private static final Logger LOG = LoggerFactory.getLogger(TrapIntake.class);

  private final Sources sources;
  private final TrapReceiver receiver;

  private TrapIntake(Sources sources, TrapReceiver receiver) {
    this.sources = sources;
    this.receiver = receiver;
  }

  /** The configured devices by address, replaced whole by a reload; read by the receiver. */
  private static final class Sources {
    private volatile Map<InetAddress, String> byAddress;

    Sources(Map<InetAddress, String> byAddress) {
      this.byAddress = byAddress;
    }

    Optional<String> device(InetAddress source) {
      return Optional.ofNullable(byAddress.get(source));
    }
  }

  TrapReceiver receiver() {
    return receiver;
  }

  /** Believes traps from these devices from now on (and from no others). */
  void devices(List<DeviceConfig> devices) {
    sources.byAddress = devicesByAddress(devices);
  }

  static Optional<TrapIntake> start(
      AgentConfig config,
      Consumer<Observation> observations,
      Function<String, String> environment,
      Clock clock,
      Function<String, InetSocketAddress> parseListen)
      throws IOException {
    if (!config.traps().enabled()) {
      return Optional.empty();
    }
    SnmpCredentialsResolver resolver = new SnmpCredentialsResolver(environment);
    List<String> communities = new ArrayList<>();
    List<SnmpCredentials.UsmUser> users = new ArrayList<>();
    for (String name : config.traps().auths()) {
      SnmpAuthConfig snmp = config.auth(name).snmp().orElseThrow();
      SnmpCredentials credentials = resolver.resolve(name, snmp);
      if (credentials instanceof SnmpCredentials.Community c) {
        communities.add(c.community());
      } else if (credentials instanceof SnmpCredentials.UsmUser u) {
        users.add(u);
      }
    }
    Sources sources = new Sources(devicesByAddress(config.devices()));
    try {
      TrapReceiver receiver =
          TrapReceiver.start(
              new TrapReceiverConfig(
                  parseListen.apply(config.traps().listen().orElseThrow()),
                  communities,
                  users,
                  TrapRateLimit.perSecond(config.traps().perDeviceRate()),
                  TrapRateLimit.perSecond(config.traps().rate())),
              sources::device,
              observations,
              clock);
      LOG.info("receiving SNMP traps on {}", receiver.localAddress());
      return Optional.of(new TrapIntake(sources, receiver));
    } catch (SnmpException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  private static Map<InetAddress, String> devicesByAddress(List<DeviceConfig> devices) {
    Map<InetAddress, String> byAddress = new HashMap<>();
    for (DeviceConfig device : devices) {
      List<String> hosts = new ArrayList<>(List.of(device.host()));
      device.snmp().flatMap(DeviceConfig.DeviceSnmpConfig::host).ifPresent(hosts::add);
      for (String host : hosts) {
        try {
          for (InetAddress address : InetAddress.getAllByName(host)) {
            byAddress.putIfAbsent(address, device.name());
          }
        } catch (UnknownHostException e) {
          LOG.warn(
              "{}: cannot resolve {}; its traps will be dropped until the configuration is"
                  + " reloaded or the agent restarts",
              device.name(),
              host);
        }
      }
    }
    return Map.copyOf(byAddress);
  }
}
