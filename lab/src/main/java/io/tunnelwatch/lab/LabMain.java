package io.tunnelwatch.lab;

import io.tunnelwatch.lab.snmp.SnmpUser;
import io.tunnelwatch.lab.snmp.TrapTarget;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;

/**
 * Runs the reference lab (or a scale lab) until interrupted.
 *
 * <pre>
 * java -cp ... io.tunnelwatch.lab.LabMain [--host H] [--r1-port N] [--r2-port N]
 *     [--user U] [--password P] [--authorized-key FILE.pub] [--host-key-dir DIR]
 *     [--lab-control HOST:PORT]
 *     [--snmp-community C] [--r1-snmp-port N] [--r2-snmp-port N] [--no-snmp]
 *     [--snmp-user NAME,sha|sha256,AUTHPASS,PRIVPASS] [--trap-target HOST:PORT[/COMMUNITY]]
 *     [--scale NxM [--ssh-base-port N] [--snmp-base-port N]] [--inventory FILE|-]
 * </pre>
 *
 * The control API listens on 127.0.0.1 and a free port unless {@code --lab-control} says where.
 */
public final class LabMain {
  private LabMain() {}

  public static void main(String[] args) throws InterruptedException {
    LabOptions options =
        LabOptions.defaults().withControlAddress(new InetSocketAddress("127.0.0.1", 0));
    LabSnmpOptions snmp = LabSnmpOptions.defaults();
    int r1Port = 0;
    int r2Port = 0;
    int r1SnmpPort = 0;
    int r2SnmpPort = 0;
    ScaleLab.Spec scale = null;
    int sshBase = 0;
    int snmpBase = 0;
    String inventory = null;
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--host" -> options = options.withBindHost(require(args[i], value));
        case "--r1-port" -> r1Port = number(args[i], value);
        case "--r2-port" -> r2Port = number(args[i], value);
        case "--user" ->
            options = options.withCredentials(require(args[i], value), options.password());
        case "--password" ->
            options = options.withCredentials(options.username(), require(args[i], value));
        case "--authorized-key" ->
            options = options.withAuthorizedKey(readPublicKey(Path.of(require(args[i], value))));
        case "--host-key-dir" -> options = options.withHostKeyDir(Path.of(require(args[i], value)));
        case "--lab-control" ->
            options = options.withControlAddress(hostPort(args[i], require(args[i], value)));
        case "--snmp-community" -> snmp = snmp.withCommunity(require(args[i], value));
        case "--r1-snmp-port" -> r1SnmpPort = number(args[i], value);
        case "--r2-snmp-port" -> r2SnmpPort = number(args[i], value);
        case "--snmp-user" -> snmp = snmp.withUser(user(require(args[i], value)));
        case "--trap-target" -> snmp = snmp.withTrapTarget(trapTarget(require(args[i], value)));
        case "--scale" -> scale = scale(require(args[i], value));
        case "--ssh-base-port" -> sshBase = number(args[i], value);
        case "--snmp-base-port" -> snmpBase = number(args[i], value);
        case "--inventory" -> inventory = require(args[i], value);
        case "--no-snmp" -> {
          snmp = snmp.withEnabled(false);
          i--;
        }
        default -> fail("unknown option " + args[i]);
      }
      i++;
    }
    options = options.withPorts(r1Port, r2Port);
    RunningLab lab;
    if (scale == null) {
      lab = ReferenceLab.start(options.withSnmp(snmp.withPorts(List.of(r1SnmpPort, r2SnmpPort))));
    } else {
      lab = ScaleLab.start(options.withSnmp(snmp), scale.withBasePorts(sshBase, snmpBase));
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  lab.close();
                  stopped.countDown();
                }));
    if (scale == null || lab.routers().size() <= 10) {
      printRouters(lab);
    } else {
      System.out.printf(
          "%d routers with %d tunnels each; --inventory FILE lists them%n",
          lab.routers().size(), scale.tunnelsPerRouter());
    }
    if (inventory != null) {
      writeInventory(lab, inventory);
    }
    lab.controlAddress()
        .ifPresent(
            a ->
                System.out.printf(
                    "fault control: http://%s:%d/routers%n", a.getHostString(), a.getPort()));
    System.out.println("lab running; Ctrl-C stops it");
    stopped.await();
  }

  private static void printRouters(RunningLab lab) {
    for (LabRouter router : lab.routers()) {
      System.out.printf(
          "%s ssh %s@%s -p %d%n",
          router.name(), router.username(), router.sshHost(), router.sshPort());
      router
          .snmpAddress()
          .ifPresent(
              a ->
                  System.out.printf(
                      "%s snmp udp:%s:%d (engine ID %s)%n",
                      router.name(),
                      a.getAddress().getHostAddress(),
                      a.getPort(),
                      router.snmpEngineId().orElseThrow()));
    }
    for (LabRouter router : lab.routers()) {
      System.out.println(router.knownHostsLine());
    }
  }

  private static void writeInventory(RunningLab lab, String where) {
    String json = LabInventory.json(lab);
    if (where.equals("-")) {
      System.out.print(json);
      return;
    }
    try {
      Files.writeString(Path.of(where), json, StandardCharsets.UTF_8);
      System.out.println("inventory written to " + where);
    } catch (IOException e) {
      fail("cannot write inventory " + where + ": " + e.getMessage());
    }
  }

  private static ScaleLab.Spec scale(String text) {
    try {
      return ScaleLab.Spec.parse(text);
    } catch (IllegalArgumentException e) {
      fail(e.getMessage());
      return null;
    }
  }

  /** {@code NAME,sha|sha256,AUTHPASS,PRIVPASS}. */
  private static SnmpUser user(String text) {
    String[] parts = text.split(",", 4);
    if (parts.length != 4) {
      fail("--snmp-user expects NAME,sha|sha256,AUTHPASS,PRIVPASS");
    }
    SnmpUser.Protocols protocols =
        switch (parts[1].toLowerCase(Locale.ROOT)) {
          case "sha" -> SnmpUser.Protocols.SHA_AES128;
          case "sha256" -> SnmpUser.Protocols.SHA256_AES256;
          default -> {
            fail("--snmp-user protocols must be sha (SHA/AES-128) or sha256 (SHA-256/AES-256)");
            yield null;
          }
        };
    try {
      return new SnmpUser(parts[0], protocols, parts[2], parts[3]);
    } catch (IllegalArgumentException e) {
      fail("--snmp-user " + parts[0] + ": " + e.getMessage());
      return null;
    }
  }

  /** {@code HOST:PORT[/COMMUNITY]}; the community defaults to {@code public}. */
  private static TrapTarget trapTarget(String text) {
    String community = "public";
    int slash = text.indexOf('/');
    if (slash >= 0) {
      community = text.substring(slash + 1);
      text = text.substring(0, slash);
    }
    int colon = text.lastIndexOf(':');
    if (colon <= 0) {
      fail("--trap-target expects HOST:PORT[/COMMUNITY], got " + text);
    }
    InetSocketAddress where =
        new InetSocketAddress(
            text.substring(0, colon), number("--trap-target port", text.substring(colon + 1)));
    return new TrapTarget(where.getHostString(), where.getPort(), community);
  }

  /** Reads an OpenSSH public key file ({@code ssh-ed25519 AAAA... comment}). */
  private static PublicKey readPublicKey(Path file) {
    try {
      String line = Files.readString(file).strip();
      return PublicKeyEntry.parsePublicKeyEntry(line)
          .resolvePublicKey(null, Map.of(), PublicKeyEntryResolver.FAILING);
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      fail("cannot read public key " + file + ": " + e.getMessage());
      return null;
    }
  }

  /** {@code HOST:PORT}; exits with a message naming that form when the text is not one. */
  private static InetSocketAddress hostPort(String option, String text) {
    int colon = text.lastIndexOf(':');
    try {
      if (colon < 1) {
        throw new NumberFormatException();
      }
      int port = Integer.parseInt(text.substring(colon + 1));
      if (port < 0 || port > 65_535) {
        throw new NumberFormatException();
      }
      return new InetSocketAddress(text.substring(0, colon), port);
    } catch (NumberFormatException e) {
      fail(option + " expects HOST:PORT (e.g. 127.0.0.1:2280), got '" + text + "'");
      return null;
    }
  }

  private static int number(String option, String value) {
    try {
      return Integer.parseInt(require(option, value));
    } catch (NumberFormatException e) {
      fail(option + " expects a number, got " + value);
      return 0;
    }
  }

  private static String require(String option, String value) {
    if (value == null) {
      fail(option + " needs a value");
    }
    return value;
  }

  private static void fail(String message) {
    System.err.println(message);
    System.exit(2);
  }
}
