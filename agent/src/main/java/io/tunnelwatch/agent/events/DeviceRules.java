package io.tunnelwatch.agent.events;

import io.tunnelwatch.core.model.CpuLoad;
import io.tunnelwatch.core.model.DeviceSnapshot;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Device-wide rules: reachability, reboots, CPU. */
final class DeviceRules {

  private DeviceRules() {}

  static void failedPoll(Work work, String reason) {
    work.failedPolls++;
    work.suspectAllOpen();
    ObjectRef device = ObjectRef.device(work.device);
    if (work.failedPolls >= work.settings.unreachableAfterPolls()) {
      work.holds(
          new Finding(
              EventKind.DEVICE_UNREACHABLE,
              device,
              Summaries.unreachable(work.device, work.failedPolls, reason),
              List.of(
                  new Evidence("failed polls", "0", Integer.toString(work.failedPolls)),
                  new Evidence("reason", "", reason))));
      if (!work.wasOpen(EventKind.DEVICE_UNREACHABLE, device)) {
        // What the device's objects do now is unknown, and availability must not count it as up.
        work.states.keySet().stream()
            .toList()
            .forEach(ref -> work.state(ref, ObjectState.UNKNOWN, "device unreachable"));
      }
    }
  }

  static void reachable(Work work) {
    work.failedPolls = 0;
  }

  static void reboot(Work work, DeviceSnapshot now) {
    Optional<Duration> before = work.previous.last().flatMap(DeviceSnapshot::uptime);
    Optional<Duration> after = now.uptime();
    if (before.isPresent() && after.isPresent() && after.get().compareTo(before.get()) < 0) {
      work.rebooted = true;
      work.totals.reboot();
      // Counter movement is judged afresh: the counters restarted, their history means nothing.
      work.traffic.clear();
      work.occurred(
          EventKind.DEVICE_REBOOT,
          ObjectRef.device(work.device),
          Summaries.reboot(work.device, before.get(), after.get()),
          List.of(
              new Evidence(
                  "uptime", Summaries.duration(before.get()), Summaries.duration(after.get()))));
    }
  }

  static void cpu(Work work, Optional<CpuLoad> cpu) {
    ObjectRef device = ObjectRef.device(work.device);
    if (cpu.isEmpty()) {
      work.suspect(EventKind.HIGH_CPU, device);
      return;
    }
    double ratio = cpu.get().oneMinute();
    if (ratio <= work.settings.cpuThreshold()) {
      work.cpuHighSince = Optional.empty();
      return;
    }
    if (work.cpuHighSince.isEmpty()) {
      work.cpuHighSince = Optional.of(work.at);
    }
    Duration high = Duration.between(work.cpuHighSince.get(), work.at);
    if (high.compareTo(work.settings.cpuWindow()) >= 0) {
      work.holds(
          new Finding(
              EventKind.HIGH_CPU,
              device,
              Summaries.highCpu(work.device, ratio, work.settings.cpuWindow()),
              List.of(
                  new Evidence(
                      "cpu 1m",
                      String.format(Locale.ROOT, "threshold %.2f", work.settings.cpuThreshold()),
                      String.format(Locale.ROOT, "%.2f", ratio)),
                  new Evidence("high for", "", Summaries.duration(high)))));
    }
  }
}
