package io.tunnelwatch.ios;

import io.tunnelwatch.core.PeerText;
import io.tunnelwatch.core.model.IpsecCounters;
import io.tunnelwatch.core.model.IpsecFlow;
import io.tunnelwatch.ios.model.CryptoSession;
import io.tunnelwatch.ios.model.SessionIpsecFlow;
import io.tunnelwatch.ios.parse.CryptoSessionParser;
import io.tunnelwatch.ios.parse.ParseWarning;
import io.tunnelwatch.ios.parse.SessionFlowAcl;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * {@code IPSEC FLOW} entries of {@code show crypto session} with {@code Active SAs: 0} → down
 * {@link IpsecFlow}s, for the flows {@code show crypto ipsec sa} does not list.
 *
 * <p>A spoke that is down may have no proxy-identity block in {@code show crypto ipsec sa} at all,
 * yet the session output still lists its flow: without this its {@code ipsec_sa_up} series would be
 * missing instead of 0. The flow carries no counters or SPIs, as nothing was negotiated.
 */
final class DownSessionFlowMapper {

  private DownSessionFlowMapper() {}

  /**
   * The down flows to add to {@code known}; a flow already in {@code known} is left to it, since
   * {@code show crypto ipsec sa} says more about it.
   */
  static List<IpsecFlow> flows(
      List<CryptoSession> sessions, List<IpsecFlow> known, List<ParseWarning> warnings) {
    Set<String> seen = new HashSet<>();
    known.forEach(flow -> seen.add(key(flow.peer(), flow.flow())));
    List<IpsecFlow> added = new ArrayList<>();
    for (CryptoSession session : sessions) {
      for (SessionIpsecFlow flow : session.ipsecFlows()) {
        if (flow.activeSas().orElse(-1) != 0) {
          continue;
        }
        Optional<String> label = SessionFlowAcl.flowLabel(flow.acl());
        if (label.isEmpty()) {
          warnings.add(
              new ParseWarning(
                  CryptoSessionParser.COMMAND,
                  0,
                  "",
                  "peer "
                      + PeerText.quote(session.peer())
                      + ": IPSEC FLOW "
                      + PeerText.quote(flow.acl())
                      + " has no known selector form, not exported"));
          continue;
        }
        if (seen.add(key(session.peer(), label.get()))) {
          added.add(
              new IpsecFlow(
                  session.peer(),
                  label.get(),
                  session.interfaceName(),
                  false,
                  Optional.empty(),
                  OptionalLong.empty(),
                  IpsecCounters.NONE));
        }
      }
    }
    return added;
  }

  private static String key(String peer, String flow) {
    return peer + " " + flow;
  }
}
