package io.tunnelwatch.core.model;

/** IKE protocol version of a phase-1 SA. */
public enum IkeVersion {
  IKEV1,
  IKEV2,
  UNKNOWN
}
