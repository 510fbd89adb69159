package io.tunnelwatch.ios.corpus;

import static io.tunnelwatch.ios.corpus.CryptoSessionConformance.fields;

import com.fasterxml.jackson.databind.JsonNode;
import io.tunnelwatch.ios.model.CpuUtilization;
import io.tunnelwatch.ios.model.ProcessesCpu;
import io.tunnelwatch.ios.model.ProcessesCpu.CoreCpuUtilization;
import io.tunnelwatch.ios.parse.ProcessesCpuParser;
import java.util.Map;
import java.util.Optional;

/**
 * Genie's utilisation keys (total and per core) against ours; the process table is not modelled.
 */
final class CpuConformance {

  private CpuConformance() {}

  static void compare(JsonNode expected, String raw, Mismatches m) {
    ProcessesCpu cpu = ProcessesCpuParser.parse(raw).value();
    if (expected.has("five_sec_cpu_total")) {
      if (cpu.total().isEmpty()) {
        m.missing("total");
      } else {
        utilization(m, "", expected, cpu.total().get());
      }
    }
    for (Map.Entry<String, JsonNode> core : fields(expected.path("core"))) {
      int index = Integer.parseInt(core.getKey());
      Optional<CoreCpuUtilization> ours =
          cpu.cores().stream().filter(c -> c.core() == index).findFirst();
      if (ours.isEmpty()) {
        m.missing("core " + index);
      } else {
        utilization(m, "core " + index + " ", core.getValue(), ours.get().utilization());
      }
    }
  }

  private static void utilization(Mismatches m, String f, JsonNode e, CpuUtilization u) {
    m.check(f + "five_sec_cpu_total", e.get("five_sec_cpu_total"), u.fiveSecondsPercent());
    m.check(
        f + "five_sec_cpu_interrupts",
        e.get("five_sec_cpu_interrupts"),
        u.fiveSecondsInterruptPercent());
    m.check(f + "one_min_cpu", e.get("one_min_cpu"), u.oneMinutePercent());
    m.check(f + "five_min_cpu", e.get("five_min_cpu"), u.fiveMinutesPercent());
  }
}
