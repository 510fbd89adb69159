package io.tunnelwatch.lab;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How to start the reference lab. Start from {@link #defaults()} and adjust with the {@code with*}
 * methods; every instance is immutable.
 *
 * @param bindHost address the SSH servers listen on
 * @param r1Port SSH port of R1; 0 picks a free one
 * @param r2Port SSH port of R2; 0 picks a free one
 * @param username the one login name both routers accept
 * @param password its password; null disables password authentication
 * @param authorizedKeys public keys accepted for {@code username}
 * @param hostKeyDir directory holding {@code R1-hostkey} / {@code R2-hostkey} (created on first
 *     start, reused after); null keeps host keys in memory, new on every start
 * @param clock drives all simulated time
 * @param banner text shown before the first prompt; null for none
 * @param controlAddress where the HTTP control API listens (port 0 = any free one); null for none
 * @param snmp the routers' SNMP agents and traps
 */
public record LabOptions(
    String bindHost,
    int r1Port,
    int r2Port,
    String username,
    String password,
    List<PublicKey> authorizedKeys,
    Path hostKeyDir,
    Clock clock,
    String banner,
    InetSocketAddress controlAddress,
    LabSnmpOptions snmp) {

  public LabOptions {
    Objects.requireNonNull(snmp, "snmp");
    Objects.requireNonNull(bindHost, "bindHost");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(clock, "clock");
    authorizedKeys = List.copyOf(authorizedKeys);
  }

  /** Loopback, free ports, {@code admin}/{@code cisco}, in-memory host keys, the system clock. */
  public static LabOptions defaults() {
    return new LabOptions(
        "127.0.0.1",
        0,
        0,
        "admin",
        "cisco",
        List.of(),
        null,
        Clock.systemUTC(),
        null,
        null,
        LabSnmpOptions.defaults());
  }

  public LabOptions withBindHost(String host) {
    return new LabOptions(
        host,
        r1Port,
        r2Port,
        username,
        password,
        authorizedKeys,
        hostKeyDir,
        clock,
        banner,
        controlAddress,
        snmp);
  }

  public LabOptions withPorts(int r1, int r2) {
    return new LabOptions(
        bindHost,
        r1,
        r2,
        username,
        password,
        authorizedKeys,
        hostKeyDir,
        clock,
        banner,
        controlAddress,
        snmp);
  }

  public LabOptions withCredentials(String user, String pass) {
    return new LabOptions(
        bindHost,
        r1Port,
        r2Port,
        user,
        pass,
        authorizedKeys,
        hostKeyDir,
        clock,
        banner,
        controlAddress,
        snmp);
  }

  public LabOptions withAuthorizedKey(PublicKey key) {
    List<PublicKey> keys = new ArrayList<>(authorizedKeys);
    keys.add(key);
    return new LabOptions(
        bindHost,
        r1Port,
        r2Port,
        username,
        password,
        keys,
        hostKeyDir,
        clock,
        banner,
        controlAddress,
        snmp);
  }

  public LabOptions withHostKeyDir(Path dir) {
    return new LabOptions(
        bindHost,
        r1Port,
        r2Port,
        username,
        password,
        authorizedKeys,
        dir,
        clock,
        banner,
        controlAddress,
        snmp);
  }

  public LabOptions withClock(Clock newClock) {
    return new LabOptions(
        bindHost,
        r1Port,
        r2Port,
        username,
        password,
        authorizedKeys,
        hostKeyDir,
        newClock,
        banner,
        controlAddress,
        snmp);
  }

  public LabOptions withBanner(String text) {
    return new LabOptions(
        bindHost,
        r1Port,
        r2Port,
        username,
        password,
        authorizedKeys,
        hostKeyDir,
        clock,
        text,
        controlAddress,
        snmp);
  }

  /** Serves the control API ({@code /routers}) on this address; port 0 picks a free one. */
  public LabOptions withControlAddress(InetSocketAddress address) {
    return new LabOptions(
        bindHost,
        r1Port,
        r2Port,
        username,
        password,
        authorizedKeys,
        hostKeyDir,
        clock,
        banner,
        address,
        snmp);
  }

  public LabOptions withSnmp(LabSnmpOptions newSnmp) {
    return new LabOptions(
        bindHost,
        r1Port,
        r2Port,
        username,
        password,
        authorizedKeys,
        hostKeyDir,
        clock,
        banner,
        controlAddress,
        newSnmp);
  }
}
