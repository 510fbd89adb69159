package io.tunnelwatch.ios.parse;

import io.tunnelwatch.ios.model.IpsecSa;
import io.tunnelwatch.ios.model.IpsecSaFlow;
import io.tunnelwatch.ios.model.ProxyIdent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Collects one proxy-identity block (a flow and its SAs) of {@code show crypto ipsec sa}. */
final class IpsecSaFlowBuilder {
  Optional<String> protectedVrf = Optional.empty();
  Optional<ProxyIdent> localIdent = Optional.empty();
  Optional<ProxyIdent> remoteIdent = Optional.empty();
  Optional<String> peer = Optional.empty();
  OptionalInt peerPort = OptionalInt.empty();
  OptionalLong encaps = OptionalLong.empty();
  OptionalLong encrypt = OptionalLong.empty();
  OptionalLong digest = OptionalLong.empty();
  OptionalLong decaps = OptionalLong.empty();
  OptionalLong decrypt = OptionalLong.empty();
  OptionalLong verify = OptionalLong.empty();
  OptionalLong sendErrors = OptionalLong.empty();
  OptionalLong recvErrors = OptionalLong.empty();
  Optional<String> localEndpoint = Optional.empty();
  Optional<String> remoteEndpoint = Optional.empty();
  OptionalInt plaintextMtu = OptionalInt.empty();
  OptionalInt pathMtu = OptionalInt.empty();
  OptionalInt ipMtu = OptionalInt.empty();
  Optional<String> mtuInterface = Optional.empty();
  Optional<String> currentOutboundSpi = Optional.empty();
  Optional<String> pfs = Optional.empty();
  Optional<String> dhGroup = Optional.empty();
  final List<IpsecSa> sas = new ArrayList<>();

  IpsecSaFlow build() {
    return new IpsecSaFlow(
        protectedVrf,
        localIdent,
        remoteIdent,
        peer,
        peerPort,
        encaps,
        encrypt,
        digest,
        decaps,
        decrypt,
        verify,
        sendErrors,
        recvErrors,
        localEndpoint,
        remoteEndpoint,
        plaintextMtu,
        pathMtu,
        ipMtu,
        mtuInterface,
        currentOutboundSpi,
        pfs,
        dhGroup,
        sas);
  }
}
