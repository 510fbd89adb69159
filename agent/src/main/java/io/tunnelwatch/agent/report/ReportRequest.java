package io.tunnelwatch.agent.report;

import java.util.List;
import java.util.Objects;

/** What to report on: the period, the devices and tunnels, and what explains rekeys. */
public record ReportRequest(
    ReportPeriod period, Selection selection, RekeyPolicy rekeys, List<TunnelBinding> bindings) {

  public ReportRequest {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(selection, "selection");
    Objects.requireNonNull(rekeys, "rekeys");
    bindings = List.copyOf(bindings);
  }

  public static ReportRequest of(ReportPeriod period) {
    return new ReportRequest(period, Selection.ALL, RekeyPolicy.IOS_DEFAULTS, List.of());
  }
}
