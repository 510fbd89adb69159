package io.tunnelwatch.core.model;

/** The notifications the agent understands (CISCO-IPSEC-FLOW-MONITOR-MIB and IF-MIB). */
public enum ObservationKind {
  IKE_TUNNEL_START,
  IKE_TUNNEL_STOP,
  IKE_SYSTEM_FAILURE,
  IKE_PROTOCOL_FAILURE,
  IKE_NO_SA,
  IPSEC_TUNNEL_START,
  IPSEC_TUNNEL_STOP,
  IPSEC_SETUP_FAILURE,
  IPSEC_EARLY_TERMINATION,
  LINK_UP,
  LINK_DOWN
}
