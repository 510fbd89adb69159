package io.tunnelwatch.lab.cli;

import io.tunnelwatch.lab.LabInventory;
import io.tunnelwatch.lab.LabOptions;
import io.tunnelwatch.lab.LabRouter;
import io.tunnelwatch.lab.LabSnmpOptions;
import io.tunnelwatch.lab.ReferenceLab;
import io.tunnelwatch.lab.RunningLab;
import io.tunnelwatch.lab.ScaleLab;
import io.tunnelwatch.lab.snmp.TrapTarget;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.UnaryOperator;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code lab}: the simulated routers alone (the reference R1/R2 or a scale lab), for pointing an
 * agent, an SSH client or an SNMP manager at. Secrets come from the environment or a file only.
 */
@Command(
    name = "lab",
    mixinStandardHelpOptions = true,
    description = "Start only the simulated routers R1 and R2 (SSH and SNMP), or a scale lab.")
public final class LabCommand implements Callable<Integer> {

  /** The line printed once everything listens; scripts and tests wait for it. */
  public static final String RUNNING = "lab running; Ctrl-C stops it";

  @Option(names = "--host", description = "Bind address (default: ${DEFAULT-VALUE})")
  String host = "127.0.0.1";

  @Option(
      names = "--r1-port",
      description = "SSH port of R1, 0 = any free (default: ${DEFAULT-VALUE})")
  int r1Port = 2201;

  @Option(
      names = "--r2-port",
      description = "SSH port of R2, 0 = any free (default: ${DEFAULT-VALUE})")
  int r2Port = 2202;

  @Option(names = "--user", description = "Login name (default: ${DEFAULT-VALUE})")
  String user = "admin";

  @Option(
      names = "--password-env",
      paramLabel = "VAR",
      description = "Environment variable holding the login password (default: ${DEFAULT-VALUE})")
  String passwordEnv = "TUNNELWATCH_LAB_PASSWORD";

  @Option(
      names = "--password-file",
      paramLabel = "FILE",
      description = "File holding the login password (first line); wins over --password-env")
  Path passwordFile;

  @Option(
      names = "--authorized-key",
      paramLabel = "FILE.pub",
      description = "Also accept this OpenSSH public key for the login")
  Path authorizedKey;

  @Option(
      names = "--host-key-dir",
      paramLabel = "DIR",
      description = "Folder that keeps the routers' host keys across restarts")
  Path hostKeyDir;

  @Option(
      names = "--lab-control",
      paramLabel = "HOST:PORT",
      converter = HostPortConverter.class,
      description =
          "Address of the fault injection control API, port 0 = any free one"
              + " (default: ${DEFAULT-VALUE})")
  InetSocketAddress labControl = new InetSocketAddress(InetAddress.getLoopbackAddress(), 2280);

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
      names = "--snmp-user",
      paramLabel = "NAME,sha|sha256,AUTH_VAR,PRIV_VAR",
      description =
          "An SNMPv3 user; its passphrases are read from the two named environment variables")
  List<String> snmpUsers = List.of();

  @Option(
      names = "--trap-target",
      paramLabel = "HOST:PORT",
      converter = HostPortConverter.class,
      description = "Send the routers' traps there (v2c, with the lab's community)")
  List<InetSocketAddress> trapTargets = List.of();

  @Option(names = "--no-snmp", description = "Serve SSH only")
  boolean noSnmp;

  @Option(
      names = "--scale",
      paramLabel = "NxM",
      description = "Start N routers with M tunnels each instead of R1/R2")
  String scale;

  @Option(
      names = "--ssh-base-port",
      description = "With --scale: first SSH port, 0 = free ports (default: ${DEFAULT-VALUE})")
  int sshBasePort;

  @Option(
      names = "--ssh-routers",
      paramLabel = "N",
      description =
          "With --scale: only R1..RN serve SSH, the other routers answer SNMP only"
              + " (default: all)")
  Integer sshRouters;

  @Option(
      names = "--inventory",
      paramLabel = "FILE|-",
      description = "Write the routers and their SSH/SNMP addresses as JSON to FILE (- = stdout)")
  String inventory;

  @Spec CommandSpec spec;

  private final UnaryOperator<String> environment;

  public LabCommand() {
    this(System::getenv);
  }

  LabCommand(UnaryOperator<String> environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws Exception {
    RunningLab lab = start(options());
    PrintWriter out = spec.commandLine().getOut();
    printRouters(lab, out);
    if (inventory != null) {
      writeInventory(lab, out);
    }
    lab.controlAddress()
        .ifPresent(
            a ->
                out.printf(
                    "fault control: http://%s:%d/routers%n", a.getHostString(), a.getPort()));
    out.println(RUNNING);
    out.flush();
    awaitSignal(lab);
    return 0;
  }

  private LabOptions options() {
    LabSnmpOptions.Builder snmp = LabSnmpOptions.builder().enabled(!noSnmp).community(community());
    for (String user : snmpUsers) {
      snmp.user(SnmpUserOption.parse(user, environment));
    }
    for (InetSocketAddress target : trapTargets) {
      snmp.trapTarget(new TrapTarget(target.getHostString(), target.getPort(), community()));
    }
    LabOptions.Builder options =
        LabOptions.builder()
            .bindHost(host)
            .ports(r1Port, r2Port)
            .credentials(user, password())
            .controlAddress(labControl)
            .snmp(snmp.build())
            .hostKeyDir(hostKeyDir);
    if (authorizedKey != null) {
      options.authorizedKey(readPublicKey(authorizedKey));
    }
    return options.build();
  }

  private RunningLab start(LabOptions options) {
    if (scale == null && sshRouters != null) {
      throw new ParameterException(spec.commandLine(), "--ssh-routers needs --scale");
    }
    if (scale == null) {
      return ReferenceLab.start(withSnmpPorts(options, List.of(snmpPort, snmpPort)));
    }
    ScaleLab.Spec parsed;
    try {
      parsed = ScaleLab.Spec.parse(scale);
      if (sshRouters != null) {
        parsed = parsed.withSshRouters(sshRouters);
      }
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    // Every router has its own loopback address, so all of them can share the one SNMP port.
    return ScaleLab.start(
        withSnmpPorts(options, Collections.nCopies(parsed.routers(), snmpPort)),
        parsed.withBasePorts(sshBasePort, 0));
  }

  private static LabOptions withSnmpPorts(LabOptions options, List<Integer> ports) {
    return options.toBuilder().snmp(options.snmp().toBuilder().ports(ports).build()).build();
  }

  private String password() {
    if (passwordFile != null) {
      try {
        String first =
            Files.readAllLines(passwordFile, StandardCharsets.UTF_8).stream()
                .findFirst()
                .orElse("");
        if (!first.isEmpty()) {
          return first;
        }
        throw new ParameterException(
            spec.commandLine(), "--password-file " + passwordFile + " is empty");
      } catch (IOException e) {
        throw new ParameterException(
            spec.commandLine(), "--password-file " + passwordFile + " cannot be read: " + e);
      }
    }
    String password = environment.apply(passwordEnv);
    if (password == null || password.isEmpty()) {
      throw new ParameterException(
          spec.commandLine(),
          "set the lab password in the environment variable "
              + passwordEnv
              + " or name a file with --password-file");
    }
    return password;
  }

  private String community() {
    String community = environment.apply(communityEnv);
    return community == null || community.isEmpty() ? "public" : community;
  }

  private PublicKey readPublicKey(Path file) {
    try {
      String line = Files.readString(file).strip();
      return PublicKeyEntry.parsePublicKeyEntry(line)
          .resolvePublicKey(null, Map.of(), PublicKeyEntryResolver.FAILING);
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      throw new ParameterException(
          spec.commandLine(), "--authorized-key " + file + " is not an OpenSSH public key: " + e);
    }
  }

  private void printRouters(RunningLab lab, PrintWriter out) {
    if (lab.routers().size() > 10) {
      out.println(lab.routers().size() + " simulated routers started; --inventory lists them");
      return;
    }
    for (LabRouter router : lab.routers()) {
      if (router.hasSsh()) {
        out.printf(
            "%s: ssh -p %d %s@%s%n", router.name(), router.sshPort(), user, router.sshHost());
      } else {
        out.printf("%s: no SSH (SNMP only)%n", router.name());
      }
      router
          .snmpAddress()
          .ifPresent(
              a -> out.printf("  snmp: udp:%s:%d%n", a.getAddress().getHostAddress(), a.getPort()));
      if (router.hasSsh()) {
        out.println("  known_hosts: " + router.knownHostsLine());
      }
    }
  }

  private void writeInventory(RunningLab lab, PrintWriter out) throws IOException {
    String json = LabInventory.json(lab);
    if (inventory.equals("-")) {
      out.print(json);
      out.println();
      return;
    }
    Files.writeString(Path.of(inventory), json, StandardCharsets.UTF_8);
    out.println("inventory: " + inventory);
  }

  private static void awaitSignal(RunningLab lab) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  lab.close();
                  stopped.countDown();
                },
                "lab-shutdown"));
    stopped.await();
  }

  /** Runs the lab on its own: {@code java -cp ... io.tunnelwatch.lab.cli.LabCommand [OPTIONS]}. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new LabCommand()).execute(args));
  }
}
