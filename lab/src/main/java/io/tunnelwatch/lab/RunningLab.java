package io.tunnelwatch.lab;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A started lab. {@link #close()} stops every router's SSH server and SNMP agent, the control API
 * and the simulation's background work. While it runs, one background thread reads every router's
 * state once a second, so that time-driven changes (rekeys, failed retries) reach event listeners
 * even when no client is asking, and checks every router for changes that call for SNMP traps.
 */
public final class RunningLab implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RunningLab.class);
  private static final long TICK_MILLIS = 1000;

  private final Map<String, LabRouter> routers;
  private final List<Runnable> closers;
  private final ScheduledExecutorService background;
  private LabControlServer control;

  /**
   * @param closers run after the routers are closed, in order
   */
  // The periodic tasks catch their own failures and end with the executor; nothing waits on them.
  @SuppressWarnings("FutureReturnValueIgnored")
  RunningLab(List<LabRouter> routers, Duration changeCheckInterval, List<Runnable> closers) {
    Map<String, LabRouter> byName = new LinkedHashMap<>();
    routers.forEach(r -> byName.put(r.name(), r));
    this.routers = Collections.unmodifiableMap(byName);
    this.closers = new ArrayList<>(closers);
    this.background =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "lab-background");
              t.setDaemon(true);
              return t;
            });
    background.scheduleWithFixedDelay(
        this::tickAll, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    long millis = changeCheckInterval.toMillis();
    background.scheduleWithFixedDelay(this::checkAll, 0, millis, TimeUnit.MILLISECONDS);
  }

  private void tickAll() {
    for (LabRouter router : routers.values()) {
      try {
        // Reading a link advances it; that is all the tick needs, no full snapshot.
        router.simulated().attachments().forEach(a -> a.link().state());
      } catch (RuntimeException e) {
        log.warn("{}: state tick failed: {}", router.name(), e.toString());
      }
    }
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

  /** Starts the control API on {@code address}; done once, by {@link LabStarter}. */
  void startControl(InetSocketAddress address) {
    control = LabControlServer.start(address, routers);
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
   * Where the control API listens (the bound port when 0 was asked for); empty when {@link
   * LabOptions#controlAddress()} was null.
   */
  public Optional<InetSocketAddress> controlAddress() {
    return Optional.ofNullable(control).map(LabControlServer::address);
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
    background.shutdownNow();
    if (control != null) {
      control.close();
    }
    routers.values().forEach(LabRouter::close);
    closers.forEach(Runnable::run);
  }
}
