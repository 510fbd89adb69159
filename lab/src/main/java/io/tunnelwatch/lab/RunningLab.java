package io.tunnelwatch.lab;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A started lab. {@link #close()} stops every router's SSH server and SNMP agent. While it runs,
 * one background thread checks every router for state changes that call for SNMP traps.
 */
public final class RunningLab implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RunningLab.class);

  private final Map<String, LabRouter> routers;
  private final ScheduledExecutorService changeChecks;

  RunningLab(List<LabRouter> routers, Duration changeCheckInterval) {
    Map<String, LabRouter> byName = new LinkedHashMap<>();
    routers.forEach(r -> byName.put(r.name(), r));
    this.routers = Collections.unmodifiableMap(byName);
    this.changeChecks =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "lab-snmp-changes");
              t.setDaemon(true);
              return t;
            });
    long millis = changeCheckInterval.toMillis();
    changeChecks.scheduleWithFixedDelay(this::checkAll, 0, millis, TimeUnit.MILLISECONDS);
  }

  private void checkAll() {
    for (LabRouter router : routers.values()) {
      try {
        router.checkSnmpTraps();
      } catch (RuntimeException e) {
        // One router's failure must not stop the checks for the others (or for later rounds).
        log.warn("{}: SNMP change check failed: {}", router.name(), e.toString());
      }
    }
  }

  /**
   * @param name {@code R1} or {@code R2} (or a scale lab's router name)
   * @throws NoSuchElementException for any other name
   */
  public LabRouter router(String name) {
    LabRouter router = routers.get(name);
    if (router == null) {
      throw new NoSuchElementException("no router " + name + " in this lab: " + routers.keySet());
    }
    return router;
  }

  /** All routers, in topology order. */
  public List<LabRouter> routers() {
    return List.copyOf(routers.values());
  }

  /**
   * Where the named router's SNMP agent listens.
   *
   * @throws NoSuchElementException for an unknown router, or when SNMP is disabled
   */
  public InetSocketAddress snmpAddress(String name) {
    return router(name)
        .snmpAddress()
        .orElseThrow(() -> new NoSuchElementException("SNMP is disabled in this lab"));
  }

  @Override
  public void close() {
    changeChecks.shutdownNow();
    routers.values().forEach(LabRouter::close);
  }
}
