package io.tunnelwatch.agent.diagnose;

import java.time.Instant;
import java.util.List;

/**
 * What {@code diagnose} found on one device.
 *
 * @param tunnels the ladder of each tunnel or peer diagnosed
 * @param audit weak or legacy crypto choices in this device's configuration
 * @param notes what could not be checked and why (e.g. a configuration the account may not read)
 */
public record Diagnosis(
    String device,
    Instant at,
    List<TunnelDiagnosis> tunnels,
    List<AuditFinding> audit,
    List<String> notes) {

  public Diagnosis {
    tunnels = List.copyOf(tunnels);
    audit = List.copyOf(audit);
    notes = List.copyOf(notes);
  }

  public boolean healthy() {
    return tunnels.stream().allMatch(TunnelDiagnosis::healthy);
  }
}
