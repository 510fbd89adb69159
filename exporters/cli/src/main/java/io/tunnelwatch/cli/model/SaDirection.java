package io.tunnelwatch.cli.model;

/** Whether an IPsec SA protects received or sent traffic. */
public enum SaDirection {
  INBOUND,
  OUTBOUND
}
