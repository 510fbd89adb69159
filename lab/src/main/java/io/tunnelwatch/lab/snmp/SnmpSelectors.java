package io.tunnelwatch.lab.snmp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fixed set of selector threads that serve every SNMP agent of a lab: agents are spread over
 * them in turn, so the thread count stays the same whatever the number of routers. Thread-safe.
 */
public final class SnmpSelectors implements AutoCloseable {
  private final List<UdpSelectorLoop> loops;
  private final AtomicInteger nextLoop = new AtomicInteger();

  private SnmpSelectors(List<UdpSelectorLoop> loops) {
    this.loops = List.copyOf(loops);
  }

  /**
   * @param threads how many selector threads; SNMP answers are computed on them, so more than the
   *     machine's cores gains nothing
   */
  public static SnmpSelectors start(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("need at least one SNMP selector thread, got " + threads);
    }
    List<UdpSelectorLoop> loops = new ArrayList<>();
    try {
      for (int k = 1; k <= threads; k++) {
        loops.add(UdpSelectorLoop.start("lab-snmp-" + k));
      }
    } catch (RuntimeException e) {
      loops.forEach(UdpSelectorLoop::close);
      throw e;
    }
    return new SnmpSelectors(loops);
  }

  /** One selector thread per core: the answers are CPU work, nothing in them waits. */
  public static SnmpSelectors perCore() {
    return start(Runtime.getRuntime().availableProcessors());
  }

  /** Binds an agent's socket, to be served by the next selector thread in turn. */
  SelectorUdpTransportMapping bind(InetSocketAddress address) throws IOException {
    UdpSelectorLoop loop = loops.get(Math.floorMod(nextLoop.getAndIncrement(), loops.size()));
    return SelectorUdpTransportMapping.bind(address, loop);
  }

  @Override
  public void close() {
    loops.forEach(UdpSelectorLoop::close);
  }
}
