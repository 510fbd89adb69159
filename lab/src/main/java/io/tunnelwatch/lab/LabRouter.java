package io.tunnelwatch.lab;

import io.tunnelwatch.lab.events.RouterEventListener;
import io.tunnelwatch.lab.ios.IosCli;
import io.tunnelwatch.lab.sim.RouterSnapshot;
import io.tunnelwatch.lab.sim.SimulatedRouter;
import io.tunnelwatch.lab.sim.TrafficProfile;
import io.tunnelwatch.lab.snmp.RouterSnmpAgent;
import io.tunnelwatch.lab.ssh.CommandFaults;
import io.tunnelwatch.lab.ssh.RouterSshServer;
import java.net.InetSocketAddress;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.apache.sshd.common.config.keys.PublicKeyEntry;

/**
 * Handle on one running simulated router: where to reach it and the hooks tests use to make it
 * misbehave. Hooks on the tunnel (rekey, up/down, traffic) act on the link the router shares with
 * its peer, so both ends change together. In a scale lab started with fewer SSH routers than
 * routers, the others have no SSH face ({@link #hasSsh()}): the SSH getters throw there, and the
 * hooks on SSH connections do nothing. Thread-safe.
 */
public final class LabRouter {
  private final SimulatedRouter router;
  private final IosCli cli;
  private final CommandFaults faults;

  /** Null for a router that answers SNMP only. */
  private final RouterSshServer ssh;

  private final String host;
  private final String username;
  private final RouterSnmpAgent snmp;

  LabRouter(
      SimulatedRouter router,
      IosCli cli,
      CommandFaults faults,
      RouterSshServer ssh,
      String host,
      String username,
      RouterSnmpAgent snmp) {
    this.router = router;
    this.cli = cli;
    this.faults = faults;
    this.ssh = ssh;
    this.host = host;
    this.username = username;
    this.snmp = snmp;
  }

  /** The router's name, which is also its hostname and prompt ({@code R1}). */
  public String name() {
    return router.config().hostname();
  }

  /** The simulated router behind the faces (for the lab's own bookkeeping). */
  SimulatedRouter simulated() {
    return router;
  }

  /** Whether this router serves SSH; the others of a scale lab answer SNMP only. */
  public boolean hasSsh() {
    return ssh != null;
  }

  public String sshHost() {
    return host;
  }

  /**
   * The port the SSH server is bound to (stable across {@link #restartSsh}).
   *
   * @throws IllegalStateException when the router has no SSH face
   */
  public int sshPort() {
    return ssh().port();
  }

  public String username() {
    return username;
  }

  /**
   * The current SSH host key.
   *
   * @throws IllegalStateException when the router has no SSH face
   */
  public PublicKey hostPublicKey() {
    return ssh().hostPublicKey();
  }

  private RouterSshServer ssh() {
    if (ssh == null) {
      throw new IllegalStateException(name() + " has no SSH face in this lab (SNMP only)");
    }
    return ssh;
  }

  /**
   * The OpenSSH known_hosts line for this router, e.g. {@code [127.0.0.1]:2201 ecdsa-sha2-nistp256
   * AAAA...}.
   */
  public String knownHostsLine() {
    int port = sshPort();
    String where = port == 22 ? host : "[" + host + "]:" + port;
    return where + " " + PublicKeyEntry.toString(hostPublicKey());
  }

  /**
   * Answers a command as the exec channel would, without SSH: handy to compute the text a test
   * expects at the current (simulated) instant.
   */
  public String execute(String commandLine) {
    return cli.answer(commandLine);
  }

  /** The router's state now: what every face of it renders. */
  public RouterSnapshot snapshot() {
    return router.snapshot();
  }

  /**
   * Registers a listener for this router's events (SA start/stop, negotiation failures, tunnel line
   * protocol changes, reboots). Time-driven events are noticed on the next read of the router's
   * state, which the running lab does at least once a second.
   */
  public void addListener(RouterEventListener listener) {
    router.addListener(listener);
  }

  // ---- faults ----

  /**
   * Injects a fault on this router. Its effect on the tunnel shows on both routers of the pair.
   * {@link Fault#REBOOT} also drops every open SSH connection.
   *
   * @return false if that fault was already active here (one-shot faults always happen)
   */
  public boolean injectFault(Fault fault) {
    boolean changed = router.link().inject(router.side(), fault);
    if (fault == Fault.REBOOT) {
      dropConnections();
    }
    return changed;
  }

  /**
   * Heals a fault injected on this router; whatever it broke is renegotiated with new SA
   * identities.
   *
   * @return false if it was not active here
   * @throws IllegalArgumentException for a one-shot fault ({@link Fault#isOneShot()})
   */
  public boolean healFault(Fault fault) {
    return router.link().heal(router.side(), fault);
  }

  /** The condition faults injected on this router and not yet healed. */
  public Set<Fault> activeFaults() {
    return router.link().faults(router.side());
  }

  // ---- SNMP ----

  /** Where the router's SNMP agent answers (and its traps come from); empty if SNMP is off. */
  public Optional<InetSocketAddress> snmpAddress() {
    return Optional.ofNullable(snmp).map(a -> new InetSocketAddress(a.host(), a.port()));
  }

  /** The SNMPv3 authoritative engine ID (hex); empty if SNMP is off. */
  public Optional<String> snmpEngineId() {
    return Optional.ofNullable(snmp).map(RouterSnmpAgent::engineIdHex);
  }

  /**
   * Compares the router's state with the previous check and sends the traps the change calls for
   * now, instead of at the next periodic check.
   */
  public void checkSnmpTraps() {
    if (snmp != null) {
      snmp.checkForChanges();
    }
  }

  // ---- hooks ----

  /**
   * Commands starting with {@code commandPrefix} (keywords written in full, e.g. {@code show crypto
   * ipsec sa}) never answer until {@link #clearCommandFaults()} or the session closes.
   */
  public void hangCommand(String commandPrefix) {
    faults.hang(commandPrefix);
  }

  /** Commands starting with {@code commandPrefix} answer after {@code delay} of real time. */
  public void delayCommand(String commandPrefix, Duration delay) {
    faults.delay(commandPrefix, delay);
  }

  /** Removes hang and delay rules and releases commands they hold. */
  public void clearCommandFaults() {
    faults.clear();
  }

  /** Closes every SSH connection to this router at once; the server keeps listening. */
  public void dropConnections() {
    if (ssh != null) {
      ssh.dropConnections();
    }
  }

  /** SSH connections accepted since the lab started (0 without SSH): a reconnect adds one. */
  public long sshConnectionsOpened() {
    return ssh == null ? 0 : ssh.connectionsOpened();
  }

  /** Number of SSH connections currently open to this router. */
  public int activeSshSessions() {
    return ssh == null ? 0 : ssh.activeSessionCount();
  }

  /** Replaces the ESP SA pair of the tunnel now: new SPIs and conn-ids on both routers. */
  public void forceIpsecRekey() {
    router.link().rekeyIpsec();
  }

  /** Replaces the IKE SA of the tunnel now: new conn-id on both routers. */
  public void forceIkeRekey() {
    router.link().rekeyIke();
  }

  /**
   * Takes the path to the peer down (SAs deleted, session DOWN, tunnel line protocol down, traffic
   * stops) or brings it back (new IKE and IPsec SAs, flow counters restart). Affects both routers.
   * Down is {@link Fault#TUNNEL_DOWN} injected here; up heals that fault on both routers.
   */
  public void setTunnelUp(boolean up) {
    if (up) {
      router.link().setUp(true);
    } else {
      router.link().inject(router.side(), Fault.TUNNEL_DOWN);
    }
  }

  /** Changes the simulated traffic through the tunnel (packets per second each way). */
  public void setTraffic(TrafficProfile traffic) {
    router.link().setTraffic(traffic);
  }

  /** Stops the SSH server (connections refused) without touching the simulation. */
  public void stopSsh() {
    ssh().stop();
  }

  /**
   * Stops answering SNMP requests (they time out, as with a management path that is down), or
   * answers them again; does nothing on a router without an SNMP face.
   */
  public void answerSnmp(boolean answer) {
    if (snmp != null) {
      snmp.answering(answer);
    }
  }

  /** Starts the SSH server again on the same port with the same host key. */
  public void startSsh() {
    ssh().start(false);
  }

  /**
   * Stops and starts the SSH server on the same port.
   *
   * @param newHostKey present a different host key afterwards (also replaces a persisted one)
   */
  public void restartSsh(boolean newHostKey) {
    ssh().stop();
    ssh().start(newHostKey);
  }

  void close() {
    faults.clear();
    if (ssh != null) {
      ssh.close();
    }
    if (snmp != null) {
      snmp.close();
    }
  }
}
