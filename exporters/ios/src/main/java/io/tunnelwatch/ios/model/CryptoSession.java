package io.tunnelwatch.ios.model;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One peer's entry in {@code show crypto session [detail]}.
 *
 * @param interfaceName the {@code Interface:} the session runs over
 * @param profile the {@code Profile:} (ISAKMP/IKEv2 profile), detail and IOS-XE only
 * @param uptime the {@code Uptime:} as printed, e.g. {@code 3d18h} or {@code 00:27:42}
 * @param status the {@code Session status:}, e.g. {@code UP-ACTIVE}, {@code UP-IDLE}, {@code
 *     UP-NO-IKE}, {@code DOWN-NEGOTIATING}, {@code DOWN}
 * @param peer the peer's address
 * @param peerPort the peer's IKE port
 * @param frontVrf {@code fvrf:}, kept as printed ({@code (none)} included)
 * @param insideVrf {@code ivrf:}, kept as printed
 * @param phase1Id {@code Phase1_id:}
 * @param description {@code Desc:}
 * @param sessionId {@code Session ID:}
 * @param ikeSas the session's IKE SA lines
 * @param ipsecFlows the session's {@code IPSEC FLOW} entries
 */
public record CryptoSession(
    String interfaceName,
    Optional<String> profile,
    Optional<String> uptime,
    Optional<String> status,
    String peer,
    OptionalInt peerPort,
    Optional<String> frontVrf,
    Optional<String> insideVrf,
    Optional<String> phase1Id,
    Optional<String> description,
    OptionalLong sessionId,
    List<SessionIkeSa> ikeSas,
    List<SessionIpsecFlow> ipsecFlows) {

  public CryptoSession {
    ikeSas = List.copyOf(ikeSas);
    ipsecFlows = List.copyOf(ipsecFlows);
  }
}
