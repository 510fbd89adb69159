package io.tunnelwatch.ios.model;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One proxy-identity block of {@code show crypto ipsec sa}: the SAs and counters of one selector
 * pair towards one peer.
 *
 * @param protectedVrf {@code protected vrf:} as printed
 * @param localIdent {@code local ident}
 * @param remoteIdent {@code remote ident}
 * @param peer {@code current_peer}
 * @param peerPort the {@code current_peer} port
 * @param pktsEncaps {@code #pkts encaps}
 * @param pktsEncrypt {@code #pkts encrypt}
 * @param pktsDigest {@code #pkts digest}
 * @param pktsDecaps {@code #pkts decaps}
 * @param pktsDecrypt {@code #pkts decrypt}
 * @param pktsVerify {@code #pkts verify}
 * @param sendErrors {@code #send errors}
 * @param recvErrors {@code #recv errors}
 * @param localEndpoint {@code local crypto endpt.}
 * @param remoteEndpoint {@code remote crypto endpt.}
 * @param plaintextMtu {@code plaintext mtu}
 * @param pathMtu {@code path mtu}
 * @param ipMtu {@code ip mtu} / {@code ipv6 mtu} / classic {@code media mtu}
 * @param mtuInterface {@code ip mtu idb}
 * @param currentOutboundSpi {@code current outbound spi} in hexadecimal; {@code 0x0} means none
 * @param pfs {@code PFS (Y/N)}
 * @param dhGroup {@code DH group}
 * @param sas every SA listed under the block's six SA sections, in output order
 */
public record IpsecSaFlow(
    Optional<String> protectedVrf,
    Optional<ProxyIdent> localIdent,
    Optional<ProxyIdent> remoteIdent,
    Optional<String> peer,
    OptionalInt peerPort,
    OptionalLong pktsEncaps,
    OptionalLong pktsEncrypt,
    OptionalLong pktsDigest,
    OptionalLong pktsDecaps,
    OptionalLong pktsDecrypt,
    OptionalLong pktsVerify,
    OptionalLong sendErrors,
    OptionalLong recvErrors,
    Optional<String> localEndpoint,
    Optional<String> remoteEndpoint,
    OptionalInt plaintextMtu,
    OptionalInt pathMtu,
    OptionalInt ipMtu,
    Optional<String> mtuInterface,
    Optional<String> currentOutboundSpi,
    Optional<String> pfs,
    Optional<String> dhGroup,
    List<IpsecSa> sas) {

  public IpsecSaFlow {
    sas = List.copyOf(sas);
  }

  /** The SAs of one section, e.g. inbound ESP. */
  public List<IpsecSa> sas(SaDirection direction, SaProtocol protocol) {
    return sas.stream()
        .filter(sa -> sa.direction() == direction && sa.protocol() == protocol)
        .toList();
  }
}
