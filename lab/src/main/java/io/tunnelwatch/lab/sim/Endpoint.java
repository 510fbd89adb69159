package io.tunnelwatch.lab.sim;

import io.tunnelwatch.lab.Fault;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * The mutable per-router part of a {@link TunnelLink}: injected faults, boot time, counter bases,
 * failure counters and logs. Not thread-safe: guarded by its link.
 */
final class Endpoint {
  final EnumSet<Fault> faults = EnumSet.noneOf(Fault.class);
  final FailureLog phase1Log = new FailureLog();
  final FailureLog phase2Log = new FailureLog();
  Instant bootTime;

  /** While set, the router is still coming back from a reload and the peer cannot reach it. */
  Instant outageUntil;

  /** Counter values when the router booted: its interface counters count from there. */
  long offeredAtBoot;

  long encryptedAtBoot;
  long receivedAtBoot;
  long ikeInitTunnelFails;
  long ikeRespTunnelFails;
  long ikeAuthFails;
  long ipsecProtocolUseFails;
  Instant highCpuSince;
  Instant highCpuUntil;

  Endpoint(Instant bootTime) {
    this.bootTime = bootTime;
  }

  boolean has(Fault fault) {
    return faults.contains(fault);
  }

  Set<Fault> faultsCopy() {
    return faults.isEmpty() ? Set.of() : Set.copyOf(faults);
  }

  FailureCounters counters() {
    return new FailureCounters(
        ikeInitTunnelFails, ikeRespTunnelFails, ikeAuthFails, ipsecProtocolUseFails);
  }

  /** Forgets everything a reload forgets; faults are configuration and survive. */
  void rebooted(Instant at, long offered, long encrypted, long received) {
    bootTime = at;
    offeredAtBoot = offered;
    encryptedAtBoot = encrypted;
    receivedAtBoot = received;
    ikeInitTunnelFails = 0;
    ikeRespTunnelFails = 0;
    ikeAuthFails = 0;
    ipsecProtocolUseFails = 0;
    phase1Log.clear();
    phase2Log.clear();
    if (has(Fault.HIGH_CPU)) {
      highCpuSince = at;
    } else {
      highCpuSince = null;
    }
    highCpuUntil = null;
  }
}
