package io.tunnelwatch.ios.model;

import java.util.List;
import java.util.Optional;

/**
 * The utilisation lines of {@code show processes cpu [sorted]}. The per-process table is not
 * modelled: tunnelwatch watches the total.
 *
 * @param total the router-wide line, absent when IOS only prints per-core lines
 * @param cores {@code Core N: CPU utilization ...} lines, indexed by core
 */
public record ProcessesCpu(Optional<CpuUtilization> total, List<CoreCpuUtilization> cores) {

  public ProcessesCpu {
    cores = List.copyOf(cores);
  }

  /** One {@code Core N:} line. */
  public record CoreCpuUtilization(int core, CpuUtilization utilization) {}
}
