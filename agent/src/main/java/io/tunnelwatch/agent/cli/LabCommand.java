package io.tunnelwatch.agent.cli;

import io.tunnelwatch.lab.LabInventory;
import io.tunnelwatch.lab.LabOptions;
import io.tunnelwatch.lab.LabRouter;
import io.tunnelwatch.lab.LabSnmpOptions;
import io.tunnelwatch.lab.ReferenceLab;
import io.tunnelwatch.lab.RunningLab;
import io.tunnelwatch.lab.ScaleLab;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lab}: only the simulated routers, for pointing a separately run agent (or a person) at.
 */
@Command(
    name = "lab",
    description = "Start only the simulated routers R1 and R2 (SSH and SNMP), or a scale lab.")
final class LabCommand implements Callable<Integer> {

  @Option(names = "--host", description = "Bind address (default: ${DEFAULT-VALUE})")
  String host = "127.0.0.1";

  @Option(names = "--r1-port", description = "SSH port of R1 (default: ${DEFAULT-VALUE})")
  int r1Port = 2201;

  @Option(names = "--r2-port", description = "SSH port of R2 (default: ${DEFAULT-VALUE})")
  int r2Port = 2202;

  @Option(names = "--user", description = "Login name (default: ${DEFAULT-VALUE})")
  String user = "admin";

  @Option(
      names = "--password-env",
      paramLabel = "VAR",
      description = "Environment variable holding the login password (default: ${DEFAULT-VALUE})")
  String passwordEnv = "TUNNELWATCH_LAB_PASSWORD";

  @Option(
      names = "--host-key-dir",
      description = "Folder that keeps the routers' host keys across restarts")
  Path hostKeyDir;

  @Option(
      names = "--lab-control",
      paramLabel = "HOST:PORT",
      converter = HostPort.Converter.class,
      description =
          "Address of the fault injection control API, port 0 = any free one"
              + " (default: ${DEFAULT-VALUE})")
  InetSocketAddress labControl = HostPort.parse("127.0.0.1:2280");

  @Option(
      names = "--snmp-port",
      description =
          "SNMP port of every router; each has its own loopback address, R1 127.0.0.1, R2"
              + " 127.0.0.2, ... (default: ${DEFAULT-VALUE})")
  int snmpPort = 1161;

  @Option(
      names = "--snmp-community-env",
      paramLabel = "VAR",
      description =
          "Environment variable holding the SNMPv2c community; unset means 'public'"
              + " (default: ${DEFAULT-VALUE})")
  String communityEnv = "TUNNELWATCH_LAB_COMMUNITY";

  @Option(
      names = "--scale",
      paramLabel = "NxM",
      description = "Start N routers with M tunnels each instead of R1/R2, on free SSH ports")
  String scale;

  @Option(
      names = "--inventory",
      paramLabel = "FILE",
      description = "Write the routers and their SSH/SNMP addresses as JSON to FILE")
  Path inventory;

  @Override
  public Integer call() throws Exception {
    String password = System.getenv(passwordEnv);
    if (password == null || password.isEmpty()) {
      System.err.println("set the lab password in the environment variable " + passwordEnv);
      return 2;
    }
    String community = System.getenv(communityEnv);
    LabSnmpOptions snmp =
        LabSnmpOptions.defaults()
            .withCommunity(community == null || community.isEmpty() ? "public" : community)
            .withPorts(List.of(snmpPort, snmpPort));
    LabOptions options =
        LabOptions.defaults()
            .withBindHost(host)
            .withPorts(r1Port, r2Port)
            .withCredentials(user, password)
            .withControlAddress(labControl)
            .withSnmp(snmp);
    if (hostKeyDir != null) {
      options = options.withHostKeyDir(hostKeyDir);
    }
    RunningLab lab;
    if (scale == null) {
      lab = ReferenceLab.start(options);
    } else {
      ScaleLab.Spec spec;
      try {
        spec = ScaleLab.Spec.parse(scale);
      } catch (IllegalArgumentException e) {
        System.err.println(e.getMessage());
        return 2;
      }
      // Every router has its own loopback address, so all agents can share the one port.
      lab =
          ScaleLab.start(
              options.withSnmp(snmp.withPorts(Collections.nCopies(spec.routers(), snmpPort))),
              spec);
    }
    if (lab.routers().size() <= 10) {
      for (LabRouter router : lab.routers()) {
        System.out.printf(
            "%s: ssh -p %d %s@%s%n", router.name(), router.sshPort(), user, router.sshHost());
        router
            .snmpAddress()
            .ifPresent(
                a ->
                    System.out.printf(
                        "  snmp: udp:%s:%d%n", a.getAddress().getHostAddress(), a.getPort()));
        System.out.println("  known_hosts: " + router.knownHostsLine());
      }
    } else {
      System.out.println(lab.routers().size() + " simulated routers started");
    }
    if (inventory != null) {
      Files.writeString(inventory, LabInventory.json(lab), StandardCharsets.UTF_8);
      System.out.println("inventory: " + inventory);
    }
    lab.controlAddress()
        .ifPresent(
            a -> System.out.println("fault control: http://" + HostPort.format(a) + "/routers"));
    System.out.flush();
    ShutdownHook.runUntilSignalled(lab);
    return 0;
  }
}
