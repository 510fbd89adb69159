package io.tunnelwatch.agent.poll;

import io.tunnelwatch.core.model.Source;
import io.tunnelwatch.snmp.SnmpException;
import io.tunnelwatch.snmp.SnmpFutures;
import io.tunnelwatch.snmp.SnmpTarget;
import io.tunnelwatch.snmp.mib.MibWarning;
import io.tunnelwatch.snmp.poll.SnmpPollResult;
import io.tunnelwatch.snmp.poll.SnmpSnapshotCollector;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Polls a device by walking the IPsec, CPU and interface MIBs. The SNMP client is shared by every
 * device and closed by the agent, so closing this poller releases nothing.
 */
public final class SnmpDevicePoller implements DevicePoller {

  private final String device;
  private final SnmpSnapshotCollector collector;
  private final Supplier<SnmpTarget> target;

  /**
   * @param target resolved at every poll, so that a rotated secret is read without a restart
   */
  public SnmpDevicePoller(
      String device, SnmpSnapshotCollector collector, Supplier<SnmpTarget> target) {
    this.device = device;
    this.collector = collector;
    this.target = target;
  }

  @Override
  public List<String> failureReasons() {
    return Stream.concat(
            Arrays.stream(SnmpException.Kind.values()).map(k -> k.name().toLowerCase(Locale.ROOT)),
            Stream.of("credentials"))
        .toList();
  }

  @Override
  public Source source() {
    return Source.SNMP;
  }

  @Override
  public PollResult poll() throws PollException {
    try {
      return pollAsync(Runnable::run).join();
    } catch (CompletionException e) {
      if (PollException.causeOf(e) instanceof PollException p) {
        throw p;
      }
      throw e;
    }
  }

  /**
   * Resolves the target (a DNS lookup, and an SNMPv3 engine discovery the first time, may block) on
   * {@code workers}; from there on the poll holds no thread while it waits for answers.
   */
  @Override
  public CompletableFuture<PollResult> pollAsync(Executor workers) {
    return CompletableFuture.supplyAsync(this::resolveTarget, workers)
        .thenCompose(resolved -> collector.pollAsync(device, resolved))
        .handle(
            (result, failure) -> {
              if (failure == null) {
                return new PollResult(result.snapshot(), countByTable(result));
              }
              throw new CompletionException(asPollException(failure));
            });
  }

  private SnmpTarget resolveTarget() {
    try {
      return target.get();
    } catch (IllegalStateException e) {
      throw new CompletionException(
          new PollException("credentials", device + ": " + e.getMessage(), e));
    }
  }

  private static PollException asPollException(Throwable failure) {
    Throwable cause = PollException.causeOf(failure);
    if (cause instanceof PollException p) {
      return p;
    }
    SnmpException e = SnmpFutures.asSnmpException(failure);
    return new PollException(e.kind().name().toLowerCase(Locale.ROOT), e.getMessage(), e);
  }

  private static Map<String, Integer> countByTable(SnmpPollResult result) {
    Map<String, Integer> counts = new TreeMap<>();
    for (MibWarning warning : result.warnings()) {
      counts.merge("snmp " + warning.table(), 1, Integer::sum);
    }
    return counts;
  }

  @Override
  public void close() {}
}
