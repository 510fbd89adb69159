package io.tunnelwatch.agent.diagnose;

/**
 * The verification ladder of an IPsec-over-GRE tunnel, in the order an engineer climbs it by hand:
 * each rung only means something once the ones below it hold. {@code diagnose} walks it on the live
 * router; the status page places each tunnel's verdict on it from the polled data.
 */
public enum Rung {
  REACH_DEVICE(1, "device", "the agent reaches the device"),
  PEER_ADDRESS(2, "peer address", "the peer's public address answers a ping"),
  TUNNEL_INTERFACE(
      3, "tunnel interface", "the tunnel interface is up/up and the far tunnel address answers"),
  PHASE1(4, "phase 1", "phase 1: the IKE SA with the peer is established"),
  PHASE2(5, "phase 2 & traffic", "phase 2: IPsec SAs exist for the flow and their counters move");

  private final int number;
  private final String label;
  private final String title;

  Rung(int number, String label, String title) {
    this.number = number;
    this.label = label;
    this.title = title;
  }

  /** Short words a cause on the status page starts with, e.g. {@code phase 1}. */
  public String label() {
    return label;
  }

  public int number() {
    return number;
  }

  public String title() {
    return title;
  }

  /** The short name used in JSON and on the status page, e.g. {@code phase1}. */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
