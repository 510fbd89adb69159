package io.tunnelwatch.lab.events;

import java.time.Instant;

/**
 * Something that changed on one simulated router, at the simulated instant it happened: the
 * occasions a real IOS router sends a notification for (CISCO-IPSEC-FLOW-MONITOR-MIB traps, IF-MIB
 * linkUp/linkDown, SNMPv2 coldStart).
 *
 * <p>Tunnel indexes follow the MIB's idea of a tunnel: one per IKE SA ({@code cikeTunIndex}) and
 * one per IPsec SA bundle ({@code cipSecTunIndex}), counting from 1 and never reused while the lab
 * runs.
 */
public sealed interface RouterEvent {

  /** The simulated instant of the change. */
  Instant at();

  /** What kind of change, for a {@code switch}. */
  Kind kind();

  /** The kinds, each naming the notification a real router would send. */
  enum Kind {
    /** {@code cikeTunnelStart}. */
    IKE_TUNNEL_START,
    /** {@code cikeTunnelStop}. */
    IKE_TUNNEL_STOP,
    /** {@code cikeProtocolFailure}. */
    IKE_PROTOCOL_FAILURE,
    /** {@code cipSecTunnelStart}. */
    IPSEC_TUNNEL_START,
    /** {@code cipSecTunnelStop}. */
    IPSEC_TUNNEL_STOP,
    /** {@code cipSecSetUpFailure}. */
    IPSEC_SETUP_FAILURE,
    /** IF-MIB {@code linkUp}. */
    LINK_UP,
    /** IF-MIB {@code linkDown}. */
    LINK_DOWN,
    /** SNMPv2-MIB {@code coldStart}: the router has just booted. */
    COLD_START
  }

  /** An IKE SA was established ({@code start}) or deleted. */
  record IkeTunnel(
      Instant at,
      boolean start,
      int tunnelIndex,
      int connId,
      String localAddress,
      String remoteAddress)
      implements RouterEvent {
    @Override
    public Kind kind() {
      return start ? Kind.IKE_TUNNEL_START : Kind.IKE_TUNNEL_STOP;
    }
  }

  /** An IPsec SA pair was installed ({@code start}) or deleted. */
  record IpsecTunnel(
      Instant at,
      boolean start,
      int tunnelIndex,
      long inboundSpi,
      long outboundSpi,
      String localAddress,
      String remoteAddress)
      implements RouterEvent {
    @Override
    public Kind kind() {
      return start ? Kind.IPSEC_TUNNEL_START : Kind.IPSEC_TUNNEL_STOP;
    }
  }

  /** A phase-1 or phase-2 negotiation failed; the record is also in the router's failure table. */
  record NegotiationFailure(Instant at, FailureRecord failure) implements RouterEvent {
    @Override
    public Kind kind() {
      return failure.isPhase1() ? Kind.IKE_PROTOCOL_FAILURE : Kind.IPSEC_SETUP_FAILURE;
    }
  }

  /** An interface's line protocol changed. */
  record InterfaceLink(Instant at, boolean up, String interfaceName) implements RouterEvent {
    @Override
    public Kind kind() {
      return up ? Kind.LINK_UP : Kind.LINK_DOWN;
    }
  }

  /** The router finished booting (uptime 0 at {@code at}). */
  record ColdStart(Instant at) implements RouterEvent {
    @Override
    public Kind kind() {
      return Kind.COLD_START;
    }
  }
}
