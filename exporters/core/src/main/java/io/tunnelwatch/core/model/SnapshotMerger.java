package io.tunnelwatch.core.model;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * Makes one model of a device out of what SSH and SNMP each saw.
 *
 * <p>Each field comes from the source that reports it best: states, conn-ids, SPIs and the {@code
 * #pkts encrypt/decrypt} counters from the CLI (they are what an engineer compares against {@code
 * show} output); octet counters, error kinds, uptime, failure records and CPU from SNMP (64-bit and
 * read without screen-scraping). A field one source lacks is taken from the other; an object
 * (tunnel, peer, flow) seen by only one source is kept as that source saw it.
 */
public final class SnapshotMerger {

  private SnapshotMerger() {}

  /**
   * Merges the snapshots of one device; either may be absent, not both.
   *
   * @throws IllegalArgumentException if both are absent or they are of different devices
   */
  public static DeviceSnapshot merge(Optional<DeviceSnapshot> ssh, Optional<DeviceSnapshot> snmp) {
    if (ssh.isEmpty() || snmp.isEmpty()) {
      return ssh.or(() -> snmp).orElseThrow(() -> new IllegalArgumentException("nothing to merge"));
    }
    DeviceSnapshot cli = ssh.get();
    DeviceSnapshot mib = snmp.get();
    if (!cli.device().equals(mib.device())) {
      throw new IllegalArgumentException(
          "snapshots of different devices: " + cli.device() + ", " + mib.device());
    }
    return new DeviceSnapshot(
        cli.device(),
        Source.SSH,
        cli.collectedAt().isAfter(mib.collectedAt()) ? cli.collectedAt() : mib.collectedAt(),
        mergeBy(cli.tunnels(), mib.tunnels(), TunnelInterface::name, SnapshotMerger::tunnel),
        mergeBy(cli.ikeSas(), mib.ikeSas(), s -> addressKey(s.peer()), SnapshotMerger::ike),
        mergeBy(
            cli.ipsecFlows(),
            mib.ipsecFlows(),
            f -> addressKey(f.peer()) + "\u0000" + flowKey(f.flow()),
            SnapshotMerger::flow),
        mib.cpu().or(cli::cpu),
        mib.uptime().or(cli::uptime),
        new FailureCounters(
            first(mib.failureCounters().phase1(), cli.failureCounters().phase1()),
            first(mib.failureCounters().phase2(), cli.failureCounters().phase2())),
        mib.failures().isEmpty() ? cli.failures() : mib.failures());
  }

  /**
   * The identity of an address for pairing only: IOS prints IPv6 in its own spelling ({@code
   * 2001:DB8:0:0::1}), SNMP readers in the canonical one ({@code 2001:db8::1}). Parsing a literal
   * never queries DNS; anything that is not an IPv6 literal is its own key.
   */
  static String addressKey(String address) {
    if (address.indexOf(':') < 0 || !address.matches("[0-9A-Fa-f:.]+")) {
      return address;
    }
    try {
      return InetAddress.getByName(address).getHostAddress();
    } catch (UnknownHostException e) {
      return address;
    }
  }

  /** A flow label {@code local/len:proto->remote/len:proto} with both addresses as keys. */
  static String flowKey(String flow) {
    StringBuilder key = new StringBuilder();
    for (String side : flow.split("->", -1)) {
      if (key.length() > 0) {
        key.append("->");
      }
      int slash = side.indexOf('/');
      key.append(
          slash < 0
              ? addressKey(side)
              : addressKey(side.substring(0, slash)) + side.substring(slash));
    }
    return key.toString();
  }

  /** Pairs objects by identity, in the CLI's order, then those only SNMP saw. */
  private static <T> List<T> mergeBy(
      List<T> cli, List<T> mib, Function<T, String> key, Combiner<T> combine) {
    Map<String, T> fromMib = new LinkedHashMap<>();
    mib.forEach(m -> fromMib.putIfAbsent(key.apply(m), m));
    List<T> merged = new ArrayList<>();
    for (T c : cli) {
      T m = fromMib.remove(key.apply(c));
      merged.add(m == null ? c : combine.apply(c, m));
    }
    merged.addAll(fromMib.values());
    return merged;
  }

  @FunctionalInterface
  private interface Combiner<T> {
    T apply(T cli, T mib);
  }

  private static TunnelInterface tunnel(TunnelInterface cli, TunnelInterface mib) {
    InterfaceCounters c = cli.counters();
    InterfaceCounters m = mib.counters();
    return new TunnelInterface(
        cli.name(),
        cli.adminUp(),
        cli.lineProtocolUp(),
        cli.sourceAddress(),
        cli.destinationAddress(),
        cli.mode(),
        new InterfaceCounters(
            first(m.receivePackets(), c.receivePackets()),
            first(m.receiveBytes(), c.receiveBytes()),
            first(m.transmitPackets(), c.transmitPackets()),
            first(m.transmitBytes(), c.transmitBytes()),
            first(m.receiveErrors(), c.receiveErrors()),
            first(m.transmitErrors(), c.transmitErrors()),
            first(m.receiveDrops(), c.receiveDrops()),
            first(m.transmitDrops(), c.transmitDrops())));
  }

  private static IkeSa ike(IkeSa cli, IkeSa mib) {
    return new IkeSa(
        cli.peer(),
        cli.localAddress(),
        cli.version() == IkeVersion.UNKNOWN ? mib.version() : cli.version(),
        cli.state(),
        cli.established(),
        cli.connId(),
        first(cli.lifetimeRemainingSeconds(), mib.lifetimeRemainingSeconds()),
        first(cli.activeSeconds(), mib.activeSeconds()));
  }

  private static IpsecFlow flow(IpsecFlow cli, IpsecFlow mib) {
    IpsecCounters c = cli.counters();
    IpsecCounters m = mib.counters();
    return new IpsecFlow(
        cli.peer(),
        cli.flow(),
        cli.interfaceName(),
        cli.up(),
        cli.spis().or(mib::spis),
        first(cli.lifetimeRemainingSeconds(), mib.lifetimeRemainingSeconds()),
        new IpsecCounters(
            first(c.encapsulated(), m.encapsulated()),
            first(c.encrypted(), m.encrypted()),
            first(c.decapsulated(), m.decapsulated()),
            first(c.decrypted(), m.decrypted()),
            first(m.receiveBytes(), c.receiveBytes()),
            first(m.transmitBytes(), c.transmitBytes()),
            first(c.sendErrors(), m.sendErrors()),
            first(c.receiveErrors(), m.receiveErrors()),
            first(m.replayErrors(), c.replayErrors()),
            first(m.authErrors(), c.authErrors()),
            first(m.decryptErrors(), c.decryptErrors()),
            first(m.encryptErrors(), c.encryptErrors())),
        first(cli.activeSeconds(), mib.activeSeconds()));
  }

  private static OptionalLong first(OptionalLong preferred, OptionalLong fallback) {
    return preferred.isPresent() ? preferred : fallback;
  }
}
