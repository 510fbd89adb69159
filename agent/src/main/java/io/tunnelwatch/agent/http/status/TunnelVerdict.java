package io.tunnelwatch.agent.http.status;

import io.tunnelwatch.agent.diagnose.Rung;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The status page's judgement of one tunnel.
 *
 * @param device the configured device name
 * @param tunnel the tunnel interface, e.g. {@code Tunnel10}; empty for a device with no data yet
 * @param peer the IKE peer: in IPsec over GRE, the tunnel destination; empty when none is set
 * @param verdict the worst of the findings, {@link Verdict#HEALTHY} when there are none
 * @param findings what failed, the one that decided the verdict first (the lowest rung of the worst
 *     kind), then the others by rung
 */
public record TunnelVerdict(
    String device,
    Optional<String> tunnel,
    Optional<String> peer,
    Verdict verdict,
    List<Finding> findings) {

  public TunnelVerdict {
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(tunnel, "tunnel");
    Objects.requireNonNull(peer, "peer");
    Objects.requireNonNull(verdict, "verdict");
    findings = List.copyOf(findings);
    if ((verdict == Verdict.HEALTHY) != findings.isEmpty()) {
      throw new IllegalArgumentException("a verdict other than healthy needs findings");
    }
  }

  /** The finding that decided the verdict: where to start looking. */
  public Optional<Finding> cause() {
    return findings.stream().findFirst();
  }

  /**
   * One failed check.
   *
   * @param rung the rung of the ladder it belongs to
   * @param verdict what it alone makes of the tunnel (never healthy)
   * @param text what is wrong and what to check, without the device name
   */
  public record Finding(Rung rung, Verdict verdict, String text) {

    public Finding {
      Objects.requireNonNull(rung, "rung");
      Objects.requireNonNull(text, "text");
      if (verdict == Verdict.HEALTHY) {
        throw new IllegalArgumentException("a finding is never healthy");
      }
    }

    /** The text with the rung in front, e.g. {@code phase 1: IKE phase 1 to ...}. */
    public String cause() {
      return rung.label() + ": " + text;
    }
  }
}
