package io.tunnelwatch.ios.model;

/** The IPsec protocol of an SA section: {@code esp sas}, {@code ah sas}, {@code pcp sas}. */
public enum SaProtocol {
  ESP,
  AH,
  PCP
}
