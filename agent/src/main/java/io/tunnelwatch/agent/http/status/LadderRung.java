package io.tunnelwatch.agent.http.status;

/**
 * The rungs of the status page's verification ladder (docs/status-page.md), from the agent's reach
 * of the device up to traffic: the lowest failing one is where to start looking.
 */
public enum LadderRung {
  REACH_DEVICE(1, "device"),
  PEER_ADDRESS(2, "peer address"),
  TUNNEL_INTERFACE(3, "tunnel interface"),
  PHASE1(4, "phase 1"),
  PHASE2_TRAFFIC(5, "phase 2 & traffic");

  private final int number;
  private final String label;

  LadderRung(int number, String label) {
    this.number = number;
    this.label = label;
  }

  /** 1 to 5, as the runbook numbers the rungs. */
  public int number() {
    return number;
  }

  /** Short words a cause starts with, e.g. {@code phase 1}. */
  public String label() {
    return label;
  }
}
