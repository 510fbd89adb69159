package io.tunnelwatch.lab;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;

/**
 * Runs the reference lab until interrupted.
 *
 * <pre>
 * java -cp ... io.tunnelwatch.lab.LabMain [--host H] [--r1-port N] [--r2-port N]
 *     [--user U] [--password P] [--authorized-key FILE.pub] [--host-key-dir DIR]
 *     [--lab-control HOST:PORT]
 * </pre>
 *
 * The control API listens on 127.0.0.1 and a free port unless {@code --lab-control} says where.
 */
public final class LabMain {
  private LabMain() {}

  public static void main(String[] args) throws InterruptedException {
    LabOptions options =
        LabOptions.defaults().withControlAddress(new InetSocketAddress("127.0.0.1", 0));
    int r1Port = 0;
    int r2Port = 0;
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--host" -> options = options.withBindHost(require(args[i], value));
        case "--r1-port" -> r1Port = Integer.parseInt(require(args[i], value));
        case "--r2-port" -> r2Port = Integer.parseInt(require(args[i], value));
        case "--user" ->
            options = options.withCredentials(require(args[i], value), options.password());
        case "--password" ->
            options = options.withCredentials(options.username(), require(args[i], value));
        case "--authorized-key" ->
            options = options.withAuthorizedKey(readPublicKey(Path.of(require(args[i], value))));
        case "--host-key-dir" -> options = options.withHostKeyDir(Path.of(require(args[i], value)));
        case "--lab-control" ->
            options = options.withControlAddress(hostPort(args[i], require(args[i], value)));
        default -> {
          System.err.println("unknown option " + args[i]);
          System.exit(2);
        }
      }
      i++;
    }
    options = options.withPorts(r1Port, r2Port);
    RunningLab lab = ReferenceLab.start(options);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  lab.close();
                  stopped.countDown();
                }));
    for (LabRouter router : lab.routers()) {
      System.out.printf(
          "%s ssh %s@%s -p %d%n",
          router.name(), router.username(), router.sshHost(), router.sshPort());
    }
    for (LabRouter router : lab.routers()) {
      System.out.println(router.knownHostsLine());
    }
    lab.controlAddress()
        .ifPresent(
            a ->
                System.out.printf(
                    "fault control: http://%s:%d/routers%n", a.getHostString(), a.getPort()));
    System.out.println("lab running; Ctrl-C stops it");
    stopped.await();
  }

  /** Reads an OpenSSH public key file ({@code ssh-ed25519 AAAA... comment}). */
  private static PublicKey readPublicKey(Path file) {
    try {
      String line = Files.readString(file).strip();
      return PublicKeyEntry.parsePublicKeyEntry(line)
          .resolvePublicKey(null, Map.of(), PublicKeyEntryResolver.FAILING);
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      System.err.println("cannot read public key " + file + ": " + e.getMessage());
      System.exit(2);
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
      System.err.println(option + " expects HOST:PORT (e.g. 127.0.0.1:2280), got '" + text + "'");
      System.exit(2);
      return null;
    }
  }

  private static String require(String option, String value) {
    if (value == null) {
      System.err.println(option + " needs a value");
      System.exit(2);
    }
    return value;
  }
}
