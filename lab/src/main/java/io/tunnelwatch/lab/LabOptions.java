package io.tunnelwatch.lab;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to start the reference lab. Start from {@link #builder()} (or {@link #defaults()}) and adjust
 * a copy with {@link #toBuilder()}; every instance is immutable.
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
 * @param restrictedLogin a second account, by password, whose sessions run at privilege level 1
 *     (prompt {@code R1>}): show commands and ping work, {@code show running-config} does not
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
    LabSnmpOptions snmp,
    Optional<UserLogin> restrictedLogin) {

  public LabOptions {
    Objects.requireNonNull(restrictedLogin, "restrictedLogin");
    Objects.requireNonNull(snmp, "snmp");
    Objects.requireNonNull(bindHost, "bindHost");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(clock, "clock");
    authorizedKeys = List.copyOf(authorizedKeys);
  }

  /** Loopback, free ports, {@code admin}/{@code cisco}, in-memory host keys, the system clock. */
  public static LabOptions defaults() {
    return builder().build();
  }

  /** A builder holding {@link #defaults()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options, to change some of them. */
  public Builder toBuilder() {
    return new Builder()
        .bindHost(bindHost)
        .ports(r1Port, r2Port)
        .credentials(username, password)
        .authorizedKeys(authorizedKeys)
        .hostKeyDir(hostKeyDir)
        .clock(clock)
        .banner(banner)
        .controlAddress(controlAddress)
        .snmp(snmp)
        .restrictedLogin(restrictedLogin);
  }

  /** Collects lab options; starts from {@link #defaults()}. Not thread-safe. */
  public static final class Builder {
    private String bindHost = "127.0.0.1";
    private int r1Port;
    private int r2Port;
    private String username = "admin";
    private String password = "cisco";
    private final List<PublicKey> authorizedKeys = new ArrayList<>();
    private Path hostKeyDir;
    private Clock clock = Clock.systemUTC();
    private String banner;
    private InetSocketAddress controlAddress;
    private LabSnmpOptions snmp = LabSnmpOptions.defaults();
    private Optional<UserLogin> restrictedLogin = Optional.empty();

    private Builder() {}

    public Builder bindHost(String host) {
      this.bindHost = host;
      return this;
    }

    public Builder ports(int r1, int r2) {
      this.r1Port = r1;
      this.r2Port = r2;
      return this;
    }

    public Builder credentials(String user, String pass) {
      this.username = user;
      this.password = pass;
      return this;
    }

    /** Adds one accepted public key to those already set. */
    public Builder authorizedKey(PublicKey key) {
      authorizedKeys.add(key);
      return this;
    }

    /** Replaces the accepted public keys. */
    public Builder authorizedKeys(List<PublicKey> keys) {
      authorizedKeys.clear();
      authorizedKeys.addAll(keys);
      return this;
    }

    public Builder hostKeyDir(Path dir) {
      this.hostKeyDir = dir;
      return this;
    }

    public Builder clock(Clock newClock) {
      this.clock = newClock;
      return this;
    }

    public Builder banner(String text) {
      this.banner = text;
      return this;
    }

    /** Serves the control API ({@code /routers}) on this address; port 0 picks a free one. */
    public Builder controlAddress(InetSocketAddress address) {
      this.controlAddress = address;
      return this;
    }

    public Builder snmp(LabSnmpOptions newSnmp) {
      this.snmp = newSnmp;
      return this;
    }

    /**
     * Adds a second account that logs in at privilege level 1 (user EXEC), as a monitoring account
     * without {@code privilege 15} does on a real router.
     */
    public Builder restrictedCredentials(String user, String pass) {
      this.restrictedLogin = Optional.of(new UserLogin(user, pass));
      return this;
    }

    /** Sets or removes (empty) the level-1 account. */
    public Builder restrictedLogin(Optional<UserLogin> login) {
      this.restrictedLogin = login;
      return this;
    }

    public LabOptions build() {
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
          snmp,
          restrictedLogin);
    }
  }
}
