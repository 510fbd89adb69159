package io.tunnelwatch.agent.cli;

import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the main thread alive until SIGINT/SIGTERM, then closes what it was given, in order, and
 * ends the process with status 0 when every close succeeded.
 *
 * <p>Why {@code halt(0)}: the JVM ends a process stopped by a signal with 128 + the signal (143 for
 * SIGTERM) whatever its shutdown hooks do, so a service manager would count every stop as a
 * failure. Handling SIGTERM with {@code sun.misc.Signal} instead is a JDK-internal API that {@code
 * -Xlint} reports and {@code -Werror} refuses. Halting from the hook is sound here because:
 *
 * <ul>
 *   <li>it happens only after every resource closed without an error; a failed close leaves the
 *       JVM's own status (143, or 130 for SIGINT), so a stop that lost data is not called clean;
 *   <li>it skips the other shutdown hooks and the delete-on-exit files, and neither the agent nor
 *       its libraries register any (logback's shutdown hook is not configured; the console appender
 *       writes every event through, so nothing is left in a buffer);
 *   <li>while the main thread waits here, only a signal starts the shutdown: the main thread cannot
 *       call {@code System.exit} and no other thread of the agent does, so no failing status is
 *       turned into 0.
 * </ul>
 */
public final class ShutdownHook {

  private static final Logger LOG = LoggerFactory.getLogger(ShutdownHook.class);

  private ShutdownHook() {}

  public static void runUntilSignalled(AutoCloseable... resources) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  boolean clean = closeAll(resources);
                  stopped.countDown();
                  if (clean) {
                    LOG.info("stopped cleanly");
                    Runtime.getRuntime().halt(0);
                  }
                },
                "shutdown"));
    stopped.await();
  }

  private static boolean closeAll(AutoCloseable... resources) {
    boolean clean = true;
    for (AutoCloseable resource : resources) {
      try {
        resource.close();
      } catch (Exception e) {
        LOG.error("error while stopping: {}", e.toString());
        clean = false;
      }
    }
    return clean;
  }
}
