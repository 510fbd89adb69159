package io.tunnelwatch.lab;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What can be broken on a lab router, each with the id the control API uses in its URLs.
 *
 * <p>Most faults are conditions: they hold from injection until healed, and their effect on the
 * tunnel shows on both routers of the pair. {@link #REKEY} and {@link #REBOOT} are one-shot events:
 * they happen on injection and leave nothing to heal.
 */
public enum Fault {
  /** This router's pre-shared key differs from the peer's: main mode fails at message 5. */
  PSK_MISMATCH("psk_mismatch", false),
  /** No ISAKMP policy in common: main mode fails at the first message. */
  ISAKMP_POLICY_MISMATCH("isakmp_policy_mismatch", false),
  /** The crypto ACLs are not mirror images: quick mode is refused, IKE stays up. */
  ACL_MISMATCH("acl_mismatch", false),
  /** No transform set in common: quick mode is refused, IKE stays up. */
  TRANSFORM_SET_MISMATCH("transform_set_mismatch", false),
  /** One forced rekey now: new IKE conn-id, new ESP SPI pair. */
  REKEY("rekey", true),
  /** The SAs are renegotiated every few seconds. */
  REKEY_STORM("rekey_storm", false),
  /** The SAs stay up but no packet is encrypted or decrypted either way. */
  STALL("stall", false),
  /**
   * This router's encrypted packets never reach the peer: its encrypt moves, the peer's decrypt
   * does not.
   */
  ONE_WAY("one_way", false),
  /** The path to the peer is lost: tunnel line protocol down, SAs deleted. */
  TUNNEL_DOWN("tunnel_down", false),
  /**
   * The router reloads: uptime and counters restart, the tunnel is rebuilt after a short outage.
   */
  REBOOT("reboot", true),
  /** The CPU is pinned at about 95%. */
  HIGH_CPU("high_cpu", false);

  private final String id;
  private final boolean oneShot;

  Fault(String id, boolean oneShot) {
    this.id = id;
    this.oneShot = oneShot;
  }

  /** The wire id, e.g. {@code psk_mismatch}. */
  public String id() {
    return id;
  }

  /** True for faults that happen once on injection and cannot be healed. */
  public boolean isOneShot() {
    return oneShot;
  }

  /** The fault with this wire id (exact, lower case). */
  public static Optional<Fault> byId(String id) {
    return Arrays.stream(values()).filter(f -> f.id.equals(id)).findFirst();
  }

  /** Every wire id, comma separated, for error messages. */
  public static String validIds() {
    return Arrays.stream(values()).map(Fault::id).collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return id;
  }
}
