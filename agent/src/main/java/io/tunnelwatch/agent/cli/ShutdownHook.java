package io.tunnelwatch.agent.cli;

import java.util.concurrent.CountDownLatch;

/** Keeps the main thread alive until SIGINT/SIGTERM, then closes what it was given, in order. */
public final class ShutdownHook {

  private ShutdownHook() {}

  public static void runUntilSignalled(AutoCloseable... resources) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  for (AutoCloseable resource : resources) {
                    try {
                      resource.close();
                    } catch (Exception e) {
                      System.err.println("error while stopping: " + e);
                    }
                  }
                  stopped.countDown();
                },
                "shutdown"));
    stopped.await();
  }
}
