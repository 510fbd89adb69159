package io.tunnelwatch.lab;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/** A started lab. {@link #close()} stops every router's SSH server. */
public final class RunningLab implements AutoCloseable {
  private final Map<String, LabRouter> routers;

  RunningLab(List<LabRouter> routers) {
    Map<String, LabRouter> byName = new java.util.LinkedHashMap<>();
    routers.forEach(r -> byName.put(r.name(), r));
    this.routers = java.util.Collections.unmodifiableMap(byName);
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

  @Override
  public void close() {
    routers.values().forEach(LabRouter::close);
  }
}
