package io.tunnelwatch.agent.diagnose;

/** A diagnosis for a terminal: the ladder per tunnel, the differences, the audit, the notes. */
public final class DiagnosisText {

  private DiagnosisText() {}

  public static String write(Diagnosis diagnosis) {
    StringBuilder out = new StringBuilder();
    out.append(diagnosis.device())
        .append(": ")
        .append(diagnosis.healthy() ? "healthy" : "failing")
        .append(" (")
        .append(diagnosis.at())
        .append(")\n");
    for (TunnelDiagnosis tunnel : diagnosis.tunnels()) {
      out.append('\n')
          .append(tunnel.tunnel().map(t -> t + " to ").orElse("peer "))
          .append(tunnel.peer())
          .append(tunnel.otherEnd().map(e -> " (" + e + ")").orElse(""))
          .append(": ")
          .append(
              tunnel
                  .failing()
                  .map(f -> "FAILS at rung " + f.rung().number() + ", " + f.rung().id())
                  .orElse("healthy"))
          .append('\n');
      for (RungResult rung : tunnel.rungs()) {
        out.append("  ")
            .append(rung.rung().number())
            .append(". [")
            .append(mark(rung.status()))
            .append("] ")
            .append(rung.summary())
            .append('\n');
        for (String line : rung.evidence()) {
          out.append("       | ").append(line).append('\n');
        }
        rung.cause().ifPresent(c -> out.append("       cause: ").append(c).append('\n'));
        rung.nextCheck().ifPresent(n -> out.append("       next:  ").append(n).append('\n'));
      }
      for (MirrorFinding finding : tunnel.mirror()) {
        out.append("  differs: ").append(finding.summary()).append('\n');
        finding
            .linesA()
            .forEach(
                l ->
                    out.append("       ")
                        .append(diagnosis.device())
                        .append(" | ")
                        .append(l)
                        .append('\n'));
        tunnel
            .otherEnd()
            .ifPresent(
                end ->
                    finding
                        .linesB()
                        .forEach(
                            l ->
                                out.append("       ")
                                    .append(end)
                                    .append(" | ")
                                    .append(l)
                                    .append('\n')));
      }
    }
    if (!diagnosis.audit().isEmpty()) {
      out.append("\naudit:\n");
      for (AuditFinding finding : diagnosis.audit()) {
        out.append("  ")
            .append(finding.level())
            .append(": ")
            .append(finding.item())
            .append(": ")
            .append(finding.reason())
            .append("\n       | ")
            .append(finding.line())
            .append('\n');
      }
    }
    if (!diagnosis.notes().isEmpty()) {
      out.append("\nnotes:\n");
      diagnosis.notes().forEach(n -> out.append("  - ").append(n).append('\n'));
    }
    return out.toString();
  }

  private static String mark(RungStatus status) {
    return switch (status) {
      case PASSED -> " ok ";
      case FAILED -> "FAIL";
      case NOT_CHECKED -> " -- ";
    };
  }
}
