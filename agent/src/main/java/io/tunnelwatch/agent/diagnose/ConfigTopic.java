package io.tunnelwatch.agent.diagnose;

/** The part of an IPsec configuration a finding is about, and the IKE phase it breaks. */
public enum ConfigTopic {
  ISAKMP_POLICY(1),
  PRE_SHARED_KEY(1),
  ACL(2),
  TRANSFORM_SET(2),
  CRYPTO_MAP(0),
  TUNNEL_INTERFACE(0);

  private final int phase;

  ConfigTopic(int phase) {
    this.phase = phase;
  }

  /** 1 for what breaks IKE phase 1, 2 for what breaks phase 2 (quick mode), 0 for neither. */
  public int phase() {
    return phase;
  }
}
