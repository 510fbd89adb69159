package io.tunnelwatch.snmp.mib;

import io.tunnelwatch.core.model.FailurePhase;
import io.tunnelwatch.core.model.SaFailure;
import io.tunnelwatch.snmp.VarBind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * {@code cikeFailTable} and {@code cipSecFailTable} → {@link SaFailure} records. A phase-2 failure
 * names its peer through {@code cipSecFailTunnelIndex} when that tunnel is still in {@code
 * cipSecTunnelTable}; otherwise its peer is empty.
 */
public final class FailTableReader {

  private static final String[] IKE_REASONS = {
    "other",
    "peerDelRequest",
    "peerLost",
    "localFailure",
    "authFailure",
    "hashValidation",
    "encryptFailure",
    "internalError",
    "sysCapExceeded",
    "proposalFailure",
    "peerCertUnavailable",
    "peerCertNotValid",
    "localCertExpired",
    "crlFailure",
    "peerEncodingError",
    "nonExistentSa",
    "operRequest"
  };

  private static final String[] IPSEC_REASONS = {
    "other",
    "internalError",
    "peerEncodingError",
    "proposalFailure",
    "protocolUseFail",
    "nonExistentSa",
    "decryptFailure",
    "encryptFailure",
    "inAuthFailure",
    "outAuthFailure",
    "compression",
    "sysCapExceeded",
    "peerDelRequest",
    "peerLost",
    "seqNumRollOver",
    "operRequest"
  };

  private FailTableReader() {}

  public static MibRead<List<SaFailure>> read(
      List<VarBind> cikeFailTable, List<VarBind> cipSecFailTable, List<VarBind> cipSecTunnelTable) {
    List<MibWarning> warnings = new ArrayList<>();
    List<SaFailure> failures = new ArrayList<>();
    for (MibRow row :
        MibTable.of("cikeFailTable", MibOids.CIKE_FAIL_ENTRY, cikeFailTable).rows(warnings)) {
      Optional<String> reason = reason(row, "cikeFailReason", IKE_REASONS);
      if (reason.isEmpty()) {
        continue;
      }
      failures.add(
          new SaFailure(
              FailurePhase.PHASE1,
              row.firstIndex(),
              row.address(9, "cikeFailRemoteAddr"),
              reason.get(),
              uptime(row.unsigned(3, "cikeFailTime"))));
    }
    Map<Long, String> peerByTunnel = peers(cipSecTunnelTable);
    for (MibRow row :
        MibTable.of("cipSecFailTable", MibOids.CIPSEC_FAIL_ENTRY, cipSecFailTable).rows(warnings)) {
      Optional<String> reason = reason(row, "cipSecFailReason", IPSEC_REASONS);
      if (reason.isEmpty()) {
        continue;
      }
      OptionalLong tunnel = row.unsigned(4, "cipSecFailTunnelIndex");
      Optional<String> peer =
          tunnel.isPresent()
              ? Optional.ofNullable(peerByTunnel.get(tunnel.getAsLong()))
              : Optional.empty();
      failures.add(
          new SaFailure(
              FailurePhase.PHASE2,
              row.firstIndex(),
              peer,
              reason.get(),
              uptime(row.unsigned(3, "cipSecFailTime"))));
    }
    return new MibRead<>(failures, warnings);
  }

  private static Optional<String> reason(MibRow row, String name, String[] names) {
    OptionalInt value = row.requireInteger(2, name);
    if (value.isEmpty()) {
      row.warn("row skipped: no failure reason");
      return Optional.empty();
    }
    int v = value.getAsInt();
    if (v < 1 || v > names.length) {
      row.warn(name + " is " + v + ", expected 1.." + names.length + "; kept as reason(" + v + ")");
      return Optional.of("reason(" + v + ")");
    }
    return Optional.of(names[v - 1]);
  }

  private static Optional<Duration> uptime(OptionalLong hundredths) {
    return hundredths.isPresent()
        ? Optional.of(Duration.ofMillis(hundredths.getAsLong() * 10))
        : Optional.empty();
  }

  private static Map<Long, String> peers(List<VarBind> cipSecTunnelTable) {
    Map<Long, String> peers = new HashMap<>();
    // Warnings about these rows are the tunnel reader's to report.
    List<MibWarning> ignored = new ArrayList<>();
    for (MibRow row :
        MibTable.of(IpsecTunnelReader.TABLE, MibOids.CIPSEC_TUNNEL_ENTRY, cipSecTunnelTable)
            .rows(ignored)) {
      row.address(5, "cipSecTunRemoteAddr").ifPresent(p -> peers.put(row.firstIndex(), p));
    }
    return peers;
  }
}
