package io.tunnelwatch.lab;

import io.tunnelwatch.lab.ios.IosCli;
import io.tunnelwatch.lab.sim.EthernetPort;
import io.tunnelwatch.lab.sim.SimulatedRouter;
import io.tunnelwatch.lab.sim.TunnelLink;
import io.tunnelwatch.lab.snmp.FailureSource;
import io.tunnelwatch.lab.snmp.RouterSnmpAgent;
import io.tunnelwatch.lab.snmp.RouterState;
import io.tunnelwatch.lab.snmp.SnmpSelectors;
import io.tunnelwatch.lab.snmp.SnmpSettings;
import io.tunnelwatch.lab.ssh.CommandFaults;
import io.tunnelwatch.lab.ssh.RouterSshServer;
import io.tunnelwatch.lab.ssh.SharedSshIo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/** Gives simulated routers their faces (SSH, SNMP) and collects them into a {@link RunningLab}. */
final class LabStarter {
  private LabStarter() {}

  /**
   * All routers' faces share a fixed set of threads (see {@link SharedSshIo}, {@link
   * SnmpSelectors}), so a lab of thousands of routers needs no more threads than one of two.
   *
   * @param sshPorts SSH port of each router that has an SSH face, which are the first {@code
   *     sshPorts.size()} routers in order (the others answer SNMP only); 0 = any free port
   */
  static RunningLab start(
      List<SimulatedRouter> routers, List<Integer> sshPorts, LabOptions options) {
    if (sshPorts.size() > routers.size()) {
      throw new IllegalArgumentException(
          sshPorts.size() + " SSH ports for " + routers.size() + " routers");
    }
    Set<TunnelLink> links = new LinkedHashSet<>();
    routers.forEach(r -> r.attachments().forEach(a -> links.add(a.link())));
    List<Runnable> closers = new ArrayList<>();
    links.forEach(l -> closers.add(l::close));
    FaceThreads threads = FaceThreads.perCore();
    closers.add(threads::close);
    List<LabRouter> started = new ArrayList<>();
    RunningLab lab;
    try {
      for (int k = 0; k < routers.size(); k++) {
        OptionalInt sshPort =
            k < sshPorts.size() ? OptionalInt.of(sshPorts.get(k)) : OptionalInt.empty();
        started.add(router(routers.get(k), k, sshPort, options, threads));
      }
      lab = new RunningLab(started, options.snmp().changeCheckInterval(), closers);
    } catch (RuntimeException e) {
      started.forEach(LabRouter::close);
      closers.forEach(Runnable::run);
      throw e;
    }
    if (options.controlAddress() != null) {
      try {
        lab.startControl(options.controlAddress());
      } catch (RuntimeException e) {
        lab.close();
        throw e;
      }
    }
    return lab;
  }

  private static LabRouter router(
      SimulatedRouter router,
      int position,
      OptionalInt sshPort,
      LabOptions options,
      FaceThreads threads) {
    IosCli cli = new IosCli(router);
    CommandFaults faults = new CommandFaults();
    RouterSshServer ssh = null;
    if (sshPort.isPresent()) {
      ssh = ssh(cli, faults, sshPort.getAsInt(), options, threads.ssh());
      ssh.start(false);
    }
    RouterSnmpAgent snmp;
    try {
      snmp = snmp(router, position, options, threads.snmp());
    } catch (RuntimeException e) {
      if (ssh != null) {
        ssh.close();
      }
      throw e;
    }
    return new LabRouter(router, cli, faults, ssh, options.bindHost(), options.username(), snmp);
  }

  private static RouterSshServer ssh(
      IosCli cli, CommandFaults faults, int port, LabOptions options, SharedSshIo io) {
    Path keyFile =
        options.hostKeyDir() == null
            ? null
            : options.hostKeyDir().resolve(cli.hostname() + "-hostkey");
    return new RouterSshServer(
        cli,
        faults,
        new RouterSshServer.Settings(
            options.bindHost(),
            port,
            options.username(),
            options.password(),
            options.authorizedKeys(),
            keyFile,
            options.banner(),
            options.restrictedLogin().map(UserLogin::username).orElse(null),
            options.restrictedLogin().map(UserLogin::password).orElse(null)),
        io);
  }

  private static RouterSnmpAgent snmp(
      SimulatedRouter router, int position, LabOptions options, SnmpSelectors io) {
    LabSnmpOptions snmp = options.snmp();
    if (!snmp.enabled()) {
      return null;
    }
    String host = snmp.addressPerRouter() ? loopback(position) : options.bindHost();
    SnmpSettings settings =
        new SnmpSettings(
            host, snmp.port(position), snmp.community(), snmp.users(), snmp.trapTargets());
    FailureSource failures = failureSource();
    return RouterSnmpAgent.start(
        router.config().hostname(),
        settings,
        engineId(router),
        () -> {
          var snapshot = router.snapshot();
          return new RouterState(snapshot, failures.failures(snapshot));
        },
        io);
  }

  /** The router's failure counters and records for the SNMP face: the fault injection's. */
  private static FailureSource failureSource() {
    return FailureSource.INJECTED;
  }

  /** 127.0.0.(k+1), continuing into 127.0.1.x and beyond for big labs. */
  static String loopback(int position) {
    int n = position + 1;
    return "127." + ((n >> 16) & 0xFF) + "." + ((n >> 8) & 0xFF) + "." + (n & 0xFF);
  }

  /** Cisco's engine ID format: enterprise 9, format 3 (MAC), the uplink's MAC address. */
  private static byte[] engineId(SimulatedRouter router) {
    String mac = router.config().port(EthernetPort.Role.WAN).mac().replace(".", "");
    return HexFormat.of().parseHex("8000000903" + mac);
  }
}
