package io.tunnelwatch.lab.ssh;

import io.tunnelwatch.lab.ios.IosCli;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.common.session.helpers.AbstractSession;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;

/**
 * The SSH face of one simulated router: an Apache MINA SSHD server whose shell and exec channels
 * talk to the router's {@link IosCli}. Can be stopped and started again on the same port, with the
 * same or a new host key. Thread-safe.
 */
public final class RouterSshServer implements AutoCloseable {

  /**
   * How clients get in.
   *
   * @param password null disables password authentication
   * @param authorizedKeys keys accepted for public-key authentication of {@code username}
   * @param hostKeyFile where the host key is kept; null keeps it in memory only
   * @param banner printed before the first prompt; null or empty for none
   */
  public record Settings(
      String host,
      int port,
      String username,
      String password,
      List<PublicKey> authorizedKeys,
      Path hostKeyFile,
      String banner) {
    public Settings {
      authorizedKeys = List.copyOf(authorizedKeys);
    }
  }

  private final IosCli cli;
  private final CommandFaults faults;
  private final Settings settings;
  private final SharedSshIo io;
  private final AtomicLong connectionsOpened = new AtomicLong();

  private SshServer server;
  private KeyPair hostKey;
  private int boundPort;

  /**
   * @param io the threads the server runs on, shared with the lab's other routers
   */
  public RouterSshServer(IosCli cli, CommandFaults faults, Settings settings, SharedSshIo io) {
    this.cli = cli;
    this.faults = faults;
    this.settings = settings;
    this.io = io;
    this.boundPort = settings.port();
  }

  /**
   * Starts listening. The first start binds the configured port (0 = any free one); later starts
   * bind the port the first one got, so clients find the router where it was.
   *
   * @param newHostKey replace the host key (persisted or not) before starting
   */
  public synchronized void start(boolean newHostKey) {
    if (server != null) {
      throw new IllegalStateException(cli.hostname() + " SSH server is already running");
    }
    if (hostKey == null || newHostKey) {
      hostKey = HostKeys.load(settings.hostKeyFile(), newHostKey);
    }
    SshServer sshd = SshServer.setUpDefaultServer();
    io.adopt(sshd);
    // Real routers answer promptly; without this, small writes wait on delayed ACKs (~40 ms).
    CoreModuleProperties.TCP_NODELAY.set(sshd, true);
    sshd.setHost(settings.host());
    sshd.setPort(boundPort);
    sshd.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
    if (settings.password() != null) {
      sshd.setPasswordAuthenticator(
          (user, password, session) ->
              settings.username().equals(user)
                  && constantTimeEquals(settings.password(), password));
    } else {
      sshd.setPasswordAuthenticator(null);
      sshd.setKeyboardInteractiveAuthenticator(null);
    }
    sshd.setPublickeyAuthenticator(
        (user, key, session) ->
            settings.username().equals(user)
                && settings.authorizedKeys().stream().anyMatch(k -> KeyUtils.compareKeys(k, key)));
    sshd.addSessionListener(
        new SessionListener() {
          @Override
          public void sessionCreated(Session session) {
            connectionsOpened.incrementAndGet();
          }
        });
    sshd.setShellFactory(channel -> new IosShell(cli, faults, io.vty(), settings.banner()));
    sshd.setCommandFactory((channel, command) -> new IosExec(cli, faults, io.vty(), command));
    try {
      sshd.start();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot start SSH for " + cli.hostname() + " on " + settings.host() + ":" + boundPort, e);
    }
    boundPort = sshd.getPort();
    server = sshd;
  }

  /** Stops listening and closes every session; the host key is kept for the next start. */
  public synchronized void stop() {
    if (server == null) {
      return;
    }
    try {
      server.stop(true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      server = null;
    }
  }

  public synchronized boolean isRunning() {
    return server != null;
  }

  /** The listening port (the last one bound while stopped). */
  public synchronized int port() {
    return boundPort;
  }

  public synchronized PublicKey hostPublicKey() {
    if (hostKey == null) {
      throw new IllegalStateException(cli.hostname() + " SSH server was never started");
    }
    return hostKey.getPublic();
  }

  /** Closes all current sessions at once, as a router reload or a flapping path would. */
  public synchronized void dropConnections() {
    if (server != null) {
      for (AbstractSession session : server.getActiveSessions()) {
        session.close(true);
      }
    }
  }

  /**
   * SSH connections accepted since the router was created, across restarts: tells a client that
   * kept its session from one that reconnected.
   */
  public long connectionsOpened() {
    return connectionsOpened.get();
  }

  public synchronized int activeSessionCount() {
    return server == null ? 0 : server.getActiveSessions().size();
  }

  /** Stops the server; its sessions' vty tasks end with their channels. */
  @Override
  public synchronized void close() {
    stop();
  }

  private static boolean constantTimeEquals(String expected, String actual) {
    return actual != null
        && MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
  }
}
