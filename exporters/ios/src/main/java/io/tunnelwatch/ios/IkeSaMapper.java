package io.tunnelwatch.ios;

import io.tunnelwatch.core.model.IkeSa;
import io.tunnelwatch.core.model.IkeVersion;
import io.tunnelwatch.ios.model.CryptoSession;
import io.tunnelwatch.ios.model.IsakmpSa;
import io.tunnelwatch.ios.model.SessionIkeSa;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * ISAKMP rows and crypto sessions → one {@link IkeSa} per peer.
 *
 * <p>ISAKMP rows come first: they are the IKEv1 SAs themselves. Crypto sessions fill in the peers
 * ISAKMP cannot show (IKEv2 SAs, and peers still negotiating with no row yet) and lend their
 * lifetime and up/down judgement where the ISAKMP output lacks one.
 */
final class IkeSaMapper {

  private static final Comparator<IsakmpSa> BY_CONN_ID =
      Comparator.comparingLong(sa -> sa.connId().orElse(-1));
  private static final Comparator<SessionIkeSa> SESSION_BY_CONN_ID =
      Comparator.comparingLong(sa -> sa.connId().orElse(-1));

  private IkeSaMapper() {}

  /**
   * @param localAddresses the router's own addresses, used to tell which side of a plain ISAKMP row
   *     is the peer
   * @param localByPeer local crypto endpoint per peer from the IPsec SAs, a last resort for the
   *     local address of a peer known only from a session
   */
  static List<IkeSa> ikeSas(
      List<IsakmpSa> isakmp,
      List<CryptoSession> sessions,
      Set<String> localAddresses,
      Map<String, String> localByPeer) {
    Map<String, List<IsakmpSa>> rowsByPeer = new LinkedHashMap<>();
    Map<String, String> localOf = new LinkedHashMap<>();
    for (IsakmpSa row : isakmp) {
      boolean reversed =
          !row.sidesKnown()
              && localAddresses.contains(row.destination())
              && !localAddresses.contains(row.source());
      String peer = reversed ? row.source() : row.destination();
      rowsByPeer.computeIfAbsent(peer, p -> new ArrayList<>()).add(row);
      localOf.putIfAbsent(peer, reversed ? row.destination() : row.source());
    }
    Map<String, List<CryptoSession>> sessionsByPeer = new LinkedHashMap<>();
    for (CryptoSession session : sessions) {
      sessionsByPeer.computeIfAbsent(session.peer(), p -> new ArrayList<>()).add(session);
    }

    List<IkeSa> result = new ArrayList<>();
    rowsByPeer.forEach(
        (peer, rows) ->
            result.add(
                fromIsakmp(
                    peer,
                    localOf.getOrDefault(peer, ""),
                    rows,
                    sessionsByPeer.getOrDefault(peer, List.of()))));
    sessionsByPeer.forEach(
        (peer, peerSessions) -> {
          if (!rowsByPeer.containsKey(peer)) {
            result.add(fromSessions(peer, peerSessions, localByPeer.getOrDefault(peer, "")));
          }
        });
    return result;
  }

  private static IkeSa fromIsakmp(
      String peer, String local, List<IsakmpSa> rows, List<CryptoSession> sessions) {
    boolean sessionsDown = !sessions.isEmpty() && sessions.stream().noneMatch(IkeSaMapper::ikeUp);
    List<IsakmpSa> established =
        rows.stream().filter(row -> established(row, sessionsDown)).toList();
    List<IsakmpSa> candidates = established.isEmpty() ? rows : established;
    // max() keeps the first of equals; the last row printed is the newest, so walk backwards
    IsakmpSa chosen = candidates.get(candidates.size() - 1);
    for (IsakmpSa row : candidates) {
      if (BY_CONN_ID.compare(row, chosen) > 0) {
        chosen = row;
      }
    }
    OptionalLong lifetime = chosen.lifetimeRemainingSeconds();
    if (lifetime.isEmpty() && chosen.connId().isPresent()) {
      lifetime = sessionLifetime(sessions, chosen.connId().getAsLong());
    }
    String state = chosen.state().or(chosen::status).orElse("UNKNOWN");
    return new IkeSa(
        peer, local, IkeVersion.IKEV1, state, !established.isEmpty(), chosen.connId(), lifetime);
  }

  /**
   * The plain table names the state; the detail table only says ACTIVE, which IOS also prints for
   * SAs still negotiating, so a session that is not up overrules it.
   */
  private static boolean established(IsakmpSa row, boolean sessionsDown) {
    if (row.state().isPresent()) {
      String state = row.state().get();
      return state.equals("QM_IDLE") || state.equals("READY");
    }
    return row.status().map("ACTIVE"::equals).orElse(false) && !row.deleted() && !sessionsDown;
  }

  private static OptionalLong sessionLifetime(List<CryptoSession> sessions, long connId) {
    return sessions.stream()
        .flatMap(s -> s.ikeSas().stream())
        .filter(sa -> sa.connId().isPresent() && sa.connId().getAsLong() == connId)
        .map(SessionIkeSa::lifetimeRemainingSeconds)
        .filter(OptionalLong::isPresent)
        .findFirst()
        .orElse(OptionalLong.empty());
  }

  private static IkeSa fromSessions(
      String peer, List<CryptoSession> sessions, String fallbackLocal) {
    List<SessionIkeSa> all = sessions.stream().flatMap(s -> s.ikeSas().stream()).toList();
    List<SessionIkeSa> active = all.stream().filter(SessionIkeSa::active).toList();
    Optional<SessionIkeSa> chosen =
        (active.isEmpty() ? all : active).stream().max(SESSION_BY_CONN_ID);
    boolean sessionUp = sessions.stream().anyMatch(IkeSaMapper::ikeUp);
    boolean established = chosen.map(SessionIkeSa::active).orElse(false) && sessionUp;
    Optional<String> sessionStatus =
        sessions.stream().map(CryptoSession::status).flatMap(Optional::stream).findFirst();
    String state =
        established
            ? chosen.get().status()
            : sessionStatus.or(() -> chosen.map(SessionIkeSa::status)).orElse("UNKNOWN");
    return new IkeSa(
        peer,
        chosen.map(SessionIkeSa::localAddress).orElse(fallbackLocal),
        chosen.map(SessionIkeSa::version).orElse(IkeVersion.UNKNOWN),
        state,
        established,
        chosen.map(SessionIkeSa::connId).orElse(OptionalLong.empty()),
        chosen.map(SessionIkeSa::lifetimeRemainingSeconds).orElse(OptionalLong.empty()));
  }

  /** UP-ACTIVE and UP-IDLE have a working IKE SA; UP-NO-IKE and the DOWN states do not. */
  private static boolean ikeUp(CryptoSession session) {
    return session.status().map(s -> s.startsWith("UP") && !s.equals("UP-NO-IKE")).orElse(true);
  }
}
