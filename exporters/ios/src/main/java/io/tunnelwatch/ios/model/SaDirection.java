package io.tunnelwatch.ios.model;

/** Whether an IPsec SA protects received or sent traffic. */
public enum SaDirection {
  INBOUND,
  OUTBOUND
}
