package io.tunnelwatch.agent.events;

import io.tunnelwatch.agent.time.DurationText;
import java.time.Duration;
import java.util.Locale;

/**
 * The one-line texts of events: what happened, the likely cause, and the next check on the
 * verification ladder (reachability → IKE phase 1 → phase 2 → counters → interface).
 */
final class Summaries {

  private Summaries() {}

  static String duration(Duration duration) {
    Duration whole = Duration.ofSeconds(Math.max(0, duration.toSeconds()));
    return whole.isZero() ? "0s" : DurationText.format(whole);
  }

  static String subject(ObjectRef ref) {
    return switch (ref.kind()) {
      case DEVICE -> "the device";
      case TUNNEL -> ref.tunnel().orElseThrow();
      case IKE_PEER -> "peer " + ref.peer().orElseThrow();
      case IPSEC_FLOW -> "flow " + ref.flow().orElseThrow() + " to " + ref.peer().orElseThrow();
    };
  }

  static String phase1(String device, String peer, String state, int polls) {
    String cause =
        switch (state) {
          case "MM_NO_STATE", "AG_NO_STATE" ->
              "likely the peer does not answer on UDP 500/4500 or no ISAKMP policy matches";
          case "MM_KEY_EXCH", "MM_KEY_AUTH", "AG_INIT_EXCH", "AG_AUTH" ->
              "likely pre-shared key or ISAKMP policy mismatch";
          default -> "likely pre-shared key or ISAKMP policy mismatch, or the peer unreachable";
        };
    return device
        + ": IKE phase 1 to "
        + peer
        + " not established ("
        + state
        + ", "
        + polls
        + (polls == 1 ? " poll" : " polls")
        + "); "
        + cause
        + "; check `show crypto isakmp sa detail` and `debug crypto isakmp` on both ends";
  }

  static String noIkeSa(String device, String peer, int polls) {
    return device
        + ": no IKE SA to "
        + peer
        + " ("
        + polls
        + (polls == 1 ? " poll" : " polls")
        + "); likely the peer is unreachable or UDP 500/4500 is blocked; ping "
        + peer
        + " from the internet interface, then check `show crypto isakmp sa` on both ends";
  }

  static String phase1Reported(String device, String subject, String detail) {
    return device
        + ": the router reports an IKE phase 1 failure for "
        + subject
        + " ("
        + detail
        + "); likely pre-shared key or ISAKMP policy mismatch; the next poll confirms it; check"
        + " `show crypto isakmp sa detail` on both ends";
  }

  static String phase2(String device, String flow, String peer, String ikeState, int polls) {
    return device
        + ": IKE to "
        + peer
        + " is up ("
        + ikeState
        + ") but flow "
        + flow
        + " has no active IPsec SA ("
        + polls
        + (polls == 1 ? " poll" : " polls")
        + "); likely transform-set mismatch or crypto ACLs not mirrored; check `show crypto ipsec"
        + " sa` and `debug crypto ipsec` on both ends and compare the ACLs";
  }

  static String phase2Idle(String device, String peer, String ikeState, int polls) {
    return device
        + ": IKE to "
        + peer
        + " is up ("
        + ikeState
        + ") but no IPsec SA is active ("
        + polls
        + (polls == 1 ? " poll" : " polls")
        + "); likely transform-set mismatch or crypto ACLs not mirrored; check `show crypto ipsec"
        + " sa` and `debug crypto ipsec` on both ends and compare the ACLs";
  }

  static String phase2Reported(String device, String subject, String detail) {
    return device
        + ": the router reports an IPsec phase 2 failure for "
        + subject
        + " ("
        + detail
        + "); likely transform-set or ACL mismatch; the next poll confirms it; check `show crypto"
        + " ipsec sa` on both ends";
  }

  static String storm(String device, ObjectRef subject, long rekeys, Duration window, long limit) {
    String what = subject.kind() == ObjectKind.IKE_PEER ? "IKE SA to " : "IPsec SAs of ";
    String name =
        subject.kind() == ObjectKind.IKE_PEER
            ? subject.peer().orElseThrow()
            : subject.flow().orElseThrow() + " to " + subject.peer().orElseThrow();
    return device
        + ": "
        + rekeys
        + " rekeys of the "
        + what
        + name
        + " within "
        + duration(window)
        + " where the lifetimes explain at most "
        + limit
        + "; likely DPD timeouts, a lossy path or mismatched lifetimes; compare lifetimes in `show"
        + " crypto isakmp sa detail` / `show crypto ipsec sa` on both ends and check the path";
  }

  static String stalled(String device, String flow, String peer, Duration window) {
    return device
        + ": flow "
        + flow
        + " to "
        + peer
        + " is up but neither encrypt nor decrypt moved for "
        + duration(window)
        + "; likely routing no longer sends traffic into the tunnel or the peer is gone without"
        + " DPD; ping the tunnel addresses, then compare `show crypto ipsec sa` counters on both"
        + " ends and the routes";
  }

  static String oneWay(String device, String flow, String peer, boolean encrypts, Duration window) {
    return encrypts
        ? device
            + ": flow "
            + flow
            + " to "
            + peer
            + " encrypts but decrypts nothing for "
            + duration(window)
            + "; likely the return traffic does not reach "
            + peer
            + "'s tunnel (routing or ACL asymmetry there); check `show crypto ipsec sa` on "
            + peer
            + ": its decrypt should follow this encrypt"
        : device
            + ": flow "
            + flow
            + " to "
            + peer
            + " decrypts but encrypts nothing for "
            + duration(window)
            + "; likely this router routes the return traffic elsewhere; check the routes to the"
            + " remote LAN and `show crypto ipsec sa` here";
  }

  static String tunnelDown(String device, String tunnel, String destination) {
    return device
        + ": "
        + tunnel
        + " line protocol down"
        + (destination.isEmpty() ? "" : " (destination " + destination + ")")
        + "; likely the tunnel destination is unreachable or keepalives fail; ping "
        + (destination.isEmpty() ? "the destination" : destination)
        + " from the tunnel source, then check `show crypto isakmp sa` and `show interfaces "
        + tunnel
        + "`";
  }

  static String retired(String device, ObjectRef ref, Duration absent) {
    return device
        + ": "
        + subject(ref)
        + " has not been listed for "
        + duration(absent)
        + " and is forgotten; its series and conditions end (events.forget_after)";
  }

  static String tunnelMissing(String device, String tunnel) {
    return device
        + ": "
        + tunnel
        + " is missing from `show interfaces`; likely removed from the configuration; check"
        + " `show running-config interface "
        + tunnel
        + "`";
  }

  static String tunnelFlap(String device, String tunnel) {
    return device
        + ": "
        + tunnel
        + " went from up to down; check `show interfaces "
        + tunnel
        + "` for line protocol transitions and the path to the tunnel destination";
  }

  static String unreachable(String device, int polls, String reason) {
    return device
        + ": "
        + polls
        + " polls in a row failed ("
        + reason
        + "); the agent cannot read the router, metrics show the last good data; check"
        + " reachability (ping, SSH port) and the credentials";
  }

  static String reboot(String device, Duration before, Duration after) {
    return device
        + ": rebooted (uptime "
        + duration(before)
        + " -> "
        + duration(after)
        + "); its counters restarted; check `show version` for the reload reason";
  }

  static String highCpu(String device, double ratio, Duration window) {
    return device
        + ": CPU at "
        + String.format(Locale.ROOT, "%.0f%%", ratio * 100)
        + " (one-minute average) for "
        + duration(window)
        + " or more; likely crypto load or routing churn; check `show processes cpu sorted`";
  }

  static String ikeRekey(String device, String peer, String before, String after) {
    return device
        + ": IKE SA to "
        + peer
        + " rekeyed ("
        + before
        + " -> "
        + after
        + "); a scheduled renegotiation, no action needed";
  }

  static String ipsecRekey(String device, String flow, String peer, String before, String after) {
    return device
        + ": IPsec SAs of flow "
        + flow
        + " to "
        + peer
        + " rekeyed ("
        + before
        + " -> "
        + after
        + "); a scheduled renegotiation, no action needed";
  }

  static String resolved(EventKind kind, ObjectRef subject, Duration lasted) {
    String what =
        switch (kind) {
          case PHASE1_FAILURE -> "IKE phase 1 failure of " + subject(subject) + " cleared";
          case PHASE2_FAILURE -> "IPsec phase 2 failure of " + subject(subject) + " cleared";
          case COUNTERS_STALLED -> "counters of " + subject(subject) + " no longer stalled";
          case ONE_WAY_TRAFFIC -> "traffic of " + subject(subject) + " no longer one-way";
          case TUNNEL_DOWN -> subject(subject) + " line protocol up again";
          case DEVICE_UNREACHABLE -> "polls succeed again";
          case HIGH_CPU -> "CPU back under the threshold";
          case RENEGOTIATION_STORM -> "rekeys of " + subject(subject) + " back to normal";
          default -> kind.wireName() + " of " + subject(subject) + " cleared";
        };
    return subject.device() + ": " + what + " after " + duration(lasted);
  }
}
