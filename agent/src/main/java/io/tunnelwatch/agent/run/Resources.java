package io.tunnelwatch.agent.run;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the agent has opened so far, closed in reverse order: on a start that fails half-way and on
 * shutdown alike, so that nothing is closed before what uses it and one failing close does not
 * leave the rest open.
 */
final class Resources implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Resources.class);

  /** A close slower than this is logged, so that a slow stop names what held it. */
  private static final long SLOW_CLOSE_MILLIS = 500;

  /** The closing of one resource. */
  @FunctionalInterface
  interface Closer {
    void close() throws Exception;
  }

  private record Opened(String what, Closer closer) {}

  private final Deque<Opened> opened = new ArrayDeque<>();

  /** Remembers {@code resource} to be closed with {@code closer}; returns it. */
  synchronized <T> T add(String what, T resource, Closer closer) {
    opened.push(new Opened(what, closer));
    return resource;
  }

  /** Remembers {@code resource} to be closed; returns it. */
  <T extends AutoCloseable> T add(String what, T resource) {
    return add(what, resource, resource::close);
  }

  /** Closes everything added, the last first; each at most once. */
  @Override
  public synchronized void close() {
    while (!opened.isEmpty()) {
      Opened next = opened.pop();
      long started = System.nanoTime();
      try {
        next.closer().close();
      } catch (Exception e) {
        LOG.warn("closing {} failed: {}", next.what(), e.toString());
      }
      long tookMillis = (System.nanoTime() - started) / 1_000_000;
      if (tookMillis > SLOW_CLOSE_MILLIS) {
        LOG.info("closing {} took {} ms", next.what(), tookMillis);
      }
    }
  }
}
