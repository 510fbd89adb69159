package io.tunnelwatch.lab;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * A started lab. {@link #close()} stops every router's SSH server, the control API and the
 * simulation's background work.
 */
public final class RunningLab implements AutoCloseable {
  private final Map<String, LabRouter> routers;
  private final List<Runnable> closers;
  private LabControlServer control;

  /**
   * @param closers run after the routers are closed, in order
   */
  RunningLab(List<LabRouter> routers, List<Runnable> closers) {
    Map<String, LabRouter> byName = new LinkedHashMap<>();
    routers.forEach(r -> byName.put(r.name(), r));
    this.routers = Collections.unmodifiableMap(byName);
    this.closers = new ArrayList<>(closers);
  }

  /** Starts the control API on {@code address}; done once, by {@link ReferenceLab}. */
  void startControl(InetSocketAddress address) {
    control = LabControlServer.start(address, routers);
  }

  /**
   * @param name {@code R1} or {@code R2}
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

  @Override
  public void close() {
    if (control != null) {
      control.close();
    }
    routers.values().forEach(LabRouter::close);
    closers.forEach(Runnable::run);
  }
}
