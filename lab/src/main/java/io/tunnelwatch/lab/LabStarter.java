package io.tunnelwatch.lab;

import io.tunnelwatch.lab.ios.IosCli;
import io.tunnelwatch.lab.sim.EthernetPort;
import io.tunnelwatch.lab.sim.SimulatedRouter;
import io.tunnelwatch.lab.snmp.FailureSource;
import io.tunnelwatch.lab.snmp.RouterSnmpAgent;
import io.tunnelwatch.lab.snmp.RouterState;
import io.tunnelwatch.lab.snmp.SnmpSettings;
import io.tunnelwatch.lab.ssh.CommandFaults;
import io.tunnelwatch.lab.ssh.RouterSshServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Gives simulated routers their faces (SSH, SNMP) and collects them into a {@link RunningLab}. */
final class LabStarter {
  private LabStarter() {}

  /**
   * @param sshPorts SSH port per router, same order; 0 = any free port
   */
  static RunningLab start(
      List<SimulatedRouter> routers, List<Integer> sshPorts, LabOptions options) {
    List<LabRouter> started = new ArrayList<>();
    try {
      for (int k = 0; k < routers.size(); k++) {
        started.add(router(routers.get(k), k, sshPorts.get(k), options));
      }
    } catch (RuntimeException e) {
      started.forEach(LabRouter::close);
      throw e;
    }
    return new RunningLab(started, options.snmp().changeCheckInterval());
  }

  private static LabRouter router(
      SimulatedRouter router, int position, int sshPort, LabOptions options) {
    String name = router.config().hostname();
    IosCli cli = new IosCli(router);
    CommandFaults faults = new CommandFaults();
    Path keyFile =
        options.hostKeyDir() == null ? null : options.hostKeyDir().resolve(name + "-hostkey");
    RouterSshServer ssh =
        new RouterSshServer(
            cli,
            faults,
            new RouterSshServer.Settings(
                options.bindHost(),
                sshPort,
                options.username(),
                options.password(),
                options.authorizedKeys(),
                keyFile,
                options.banner()));
    ssh.start(false);
    RouterSnmpAgent snmp;
    try {
      snmp = snmp(router, position, options);
    } catch (RuntimeException e) {
      ssh.close();
      throw e;
    }
    return new LabRouter(router, cli, faults, ssh, options.bindHost(), options.username(), snmp);
  }

  private static RouterSnmpAgent snmp(SimulatedRouter router, int position, LabOptions options) {
    LabSnmpOptions snmp = options.snmp();
    if (!snmp.enabled()) {
      return null;
    }
    String host = snmp.addressPerRouter() ? loopback(position) : options.bindHost();
    SnmpSettings settings =
        new SnmpSettings(
            host, snmp.port(position), snmp.community(), snmp.users(), snmp.trapTargets());
    FailureSource failures = failureSource(router);
    return RouterSnmpAgent.start(
        router.config().hostname(),
        settings,
        engineId(router),
        () -> {
          var snapshot = router.snapshot();
          return new RouterState(snapshot, failures.failures(snapshot));
        });
  }

  /**
   * The router's failure counters and records for the SNMP face. The fault injection keeps them;
   * until it is connected here, routers report none.
   */
  private static FailureSource failureSource(SimulatedRouter router) {
    return FailureSource.NONE;
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
