package io.tunnelwatch.lab.ssh;

import io.tunnelwatch.lab.ios.IosCli;
import io.tunnelwatch.lab.ios.Privilege;
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
import org.apache.sshd.server.channel.ChannelSession;

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
   * @param restrictedUsername a second user, by password only, whose sessions run in user EXEC
   *     (level 1); null for none
   * @param restrictedPassword its password; null when there is no such user
   */
  public record Settings(
      String host,
      int port,
      String username,
      String password,
      List<PublicKey> authorizedKeys,
      Path hostKeyFile,
      String banner,
      String restrictedUsername,
      String restrictedPassword) {
    public Settings {
      authorizedKeys = List.copyOf(authorizedKeys);
      if ((restrictedUsername == null) != (restrictedPassword == null)) {
        throw new IllegalArgumentException("a restricted user needs both a name and a password");
      }
    }

    /** Only the main user, at level 15. */
    public Settings(
        String host,
        int port,
        String username,
        String password,
        List<PublicKey> authorizedKeys,
        Path hostKeyFile,
        String banner) {
      this(host, port, username, password, authorizedKeys, hostKeyFile, banner, null, null);
    }

    /** Passwords stay out of logs and exception messages. */
    @Override
    public String toString() {
      return "Settings[host="
          + host
          + ", port="
          + port
          + ", username="
          + username
          + ", restrictedUsername="
          + restrictedUsername
          + "]";
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
    if (settings.password() != null || settings.restrictedUsername() != null) {
      sshd.setPasswordAuthenticator((user, password, session) -> passwordAccepted(user, password));
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
    sshd.setShellFactory(
        channel -> new IosShell(cli(channel), faults, io.vty(), settings.banner()));
    sshd.setCommandFactory(
        (channel, command) -> new IosExec(cli(channel), faults, io.vty(), command));
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

  private boolean passwordAccepted(String user, String password) {
    if (settings.password() != null
        && settings.username().equals(user)
        && constantTimeEquals(settings.password(), password)) {
      return true;
    }
    return settings.restrictedUsername() != null
        && settings.restrictedUsername().equals(user)
        && constantTimeEquals(settings.restrictedPassword(), password);
  }

  /**
   * The interpreter at the level of the channel's user: the restricted user gets user EXEC. Should
   * both accounts share a name, the main one wins, as the first matching IOS username does.
   */
  private IosCli cli(ChannelSession channel) {
    String user = channel.getSession().getUsername();
    boolean restricted =
        settings.restrictedUsername() != null
            && settings.restrictedUsername().equals(user)
            && !settings.username().equals(user);
    return restricted ? cli.withPrivilege(Privilege.USER_EXEC) : cli;
  }

  private static boolean constantTimeEquals(String expected, String actual) {
    return actual != null
        && MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
  }
}
