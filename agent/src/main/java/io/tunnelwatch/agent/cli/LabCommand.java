package io.tunnelwatch.agent.cli;

import io.tunnelwatch.lab.LabOptions;
import io.tunnelwatch.lab.LabRouter;
import io.tunnelwatch.lab.ReferenceLab;
import io.tunnelwatch.lab.RunningLab;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lab}: only the simulated routers, for pointing a separately run agent (or a person) at.
 */
@Command(name = "lab", description = "Start only the simulated routers R1 and R2.")
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

  @Override
  public Integer call() throws Exception {
    String password = System.getenv(passwordEnv);
    if (password == null || password.isEmpty()) {
      System.err.println("set the lab password in the environment variable " + passwordEnv);
      return 2;
    }
    LabOptions options =
        LabOptions.defaults()
            .withBindHost(host)
            .withPorts(r1Port, r2Port)
            .withCredentials(user, password)
            .withControlAddress(labControl);
    if (hostKeyDir != null) {
      options = options.withHostKeyDir(hostKeyDir);
    }
    RunningLab lab = ReferenceLab.start(options);
    for (LabRouter router : lab.routers()) {
      System.out.printf(
          "%s: ssh -p %d %s@%s%n", router.name(), router.sshPort(), user, router.sshHost());
      System.out.println("  known_hosts: " + router.knownHostsLine());
    }
    lab.controlAddress()
        .ifPresent(
            a -> System.out.println("fault control: http://" + HostPort.format(a) + "/routers"));
    System.out.flush();
    ShutdownHook.runUntilSignalled(lab);
    return 0;
  }
}
