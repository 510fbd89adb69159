package io.tunnelwatch.lab.ios;

import io.tunnelwatch.lab.sim.CpuLoad;
import io.tunnelwatch.lab.sim.RouterSnapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** {@code show processes cpu [sorted]}: the utilisation header and a short process table. */
final class ProcessesCpuView {

  private record CpuProcess(int pid, String name, double share, int invokedPerMinute) {}

  /** A plausible subset of an IOSv process list; share is of the busy time, by weight. */
  private static final List<CpuProcess> PROCESSES =
      List.of(
          new CpuProcess(1, "Chunk Manager", 0.0, 1),
          new CpuProcess(2, "Load Meter", 0.02, 12),
          new CpuProcess(9, "Check heaps", 0.10, 6),
          new CpuProcess(10, "Pool Manager", 0.0, 1),
          new CpuProcess(15, "ARP Input", 0.03, 40),
          new CpuProcess(53, "IP Input", 0.30, 300),
          new CpuProcess(118, "Crypto IKMP", 0.05, 20),
          new CpuProcess(119, "IPSEC key engine", 0.02, 4),
          new CpuProcess(120, "Crypto ACL", 0.0, 1),
          new CpuProcess(121, "Crypto PAS Proc", 0.01, 2),
          new CpuProcess(145, "SSH Process", 0.12, 30),
          new CpuProcess(188, "Crypto Support", 0.0, 1),
          new CpuProcess(215, "IP SNMP", 0.05, 10));

  private ProcessesCpuView() {}

  static String render(RouterSnapshot router, boolean sorted) {
    CpuLoad cpu = router.cpu();
    StringBuilder out = new StringBuilder();
    out.append(
        IosFormat.f(
            "CPU utilization for five seconds: %d%%/%d%%; one minute: %d%%; five minutes: %d%%\n",
            cpu.fiveSecond(), cpu.fiveSecondInterrupt(), cpu.oneMinute(), cpu.fiveMinute()));
    out.append(" PID Runtime(ms)     Invoked      uSecs   5Sec   1Min   5Min TTY Process \n");
    long uptimeMinutes = Math.max(1, router.uptime().toMinutes());
    long uptimeMillis = router.uptime().toMillis();
    List<CpuProcess> rows = new ArrayList<>(PROCESSES);
    if (sorted) {
      rows.sort(Comparator.comparingDouble(CpuProcess::share).reversed());
    }
    for (CpuProcess p : rows) {
      long runtime = Math.round(uptimeMillis * cpu.fiveMinute() / 100.0 * p.share());
      long invoked = uptimeMinutes * p.invokedPerMinute();
      long usecs = invoked == 0 ? 0 : runtime * 1000 / invoked;
      out.append(
          IosFormat.f(
              "%4d %11d %11d %10d %5.2f%% %5.2f%% %5.2f%% %3d %-16s \n",
              p.pid(),
              runtime,
              invoked,
              usecs,
              cpu.fiveSecond() * p.share(),
              cpu.oneMinute() * p.share(),
              cpu.fiveMinute() * p.share(),
              0,
              p.name()));
    }
    return out.toString();
  }
}
