package io.tunnelwatch.ios;

import io.tunnelwatch.core.PeerText;
import io.tunnelwatch.core.model.IpsecCounters;
import io.tunnelwatch.core.model.IpsecFlow;
import io.tunnelwatch.core.model.SpiPair;
import io.tunnelwatch.core.model.TrafficSelector;
import io.tunnelwatch.ios.model.IpsecSa;
import io.tunnelwatch.ios.model.IpsecSaFlow;
import io.tunnelwatch.ios.model.IpsecSaInterface;
import io.tunnelwatch.ios.model.SaDirection;
import io.tunnelwatch.ios.model.SaProtocol;
import io.tunnelwatch.ios.parse.IpsecSaParser;
import io.tunnelwatch.ios.parse.ParseWarning;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Proxy-identity blocks of {@code show crypto ipsec sa} → one {@link IpsecFlow} per peer and flow.
 */
final class IpsecFlowMapper {

  private static final String NO_SPI = "0x0";

  private IpsecFlowMapper() {}

  static List<IpsecFlow> flows(List<IpsecSaInterface> interfaces, List<ParseWarning> warnings) {
    List<IpsecFlow> flows = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (IpsecSaInterface iface : interfaces) {
      for (IpsecSaFlow flow : iface.flows()) {
        Optional<String> peer = flow.peer().or(flow::remoteEndpoint);
        if (peer.isEmpty() || flow.localIdent().isEmpty() || flow.remoteIdent().isEmpty()) {
          warnings.add(skip(iface, "block without a peer or proxy identities, not exported"));
          continue;
        }
        String label =
            TrafficSelector.flowLabel(
                flow.localIdent().get().toSelector(), flow.remoteIdent().get().toSelector());
        // the (peer, flow) pair is the series identity; a second block would fight the first
        if (!seen.add(peer.get() + " " + label)) {
          warnings.add(skip(iface, "duplicate flow " + label + " to " + peer.get() + ", skipped"));
          continue;
        }
        flows.add(flow(iface.name(), peer.get(), label, flow));
      }
    }
    return flows;
  }

  private static IpsecFlow flow(String iface, String peer, String label, IpsecSaFlow flow) {
    List<IpsecSa> inbound =
        flow.sas(SaDirection.INBOUND, SaProtocol.ESP).stream().filter(IpsecSa::active).toList();
    List<IpsecSa> outbound =
        flow.sas(SaDirection.OUTBOUND, SaProtocol.ESP).stream().filter(IpsecSa::active).toList();
    boolean up = !inbound.isEmpty() && !outbound.isEmpty();
    Optional<SpiPair> spis = Optional.empty();
    if (up) {
      // during a rekey the old and new inbound SAs overlap; the one with most life left is new
      IpsecSa newestInbound =
          inbound.stream()
              .max(Comparator.comparingLong(sa -> sa.remainingSeconds().orElse(-1)))
              .orElseThrow();
      String outboundSpi =
          flow.currentOutboundSpi()
              .filter(spi -> !spi.equalsIgnoreCase(NO_SPI))
              .orElse(outbound.get(outbound.size() - 1).spi());
      spis = Optional.of(new SpiPair(newestInbound.spi(), outboundSpi));
    }
    OptionalLong lifetime =
        flow.sas().stream()
            .filter(sa -> sa.direction() == SaDirection.OUTBOUND && sa.active())
            .map(IpsecSa::remainingSeconds)
            .filter(OptionalLong::isPresent)
            .mapToLong(OptionalLong::getAsLong)
            .min();
    IpsecCounters counters =
        new IpsecCounters(
            flow.pktsEncaps(),
            flow.pktsEncrypt(),
            flow.pktsDecaps(),
            flow.pktsDecrypt(),
            OptionalLong.empty(),
            OptionalLong.empty(),
            flow.sendErrors(),
            flow.recvErrors());
    return new IpsecFlow(peer, label, iface, up, spis, lifetime, counters);
  }

  private static ParseWarning skip(IpsecSaInterface iface, String reason) {
    return new ParseWarning(
        IpsecSaParser.COMMAND, 0, "", "interface " + PeerText.quote(iface.name()) + ": " + reason);
  }
}
