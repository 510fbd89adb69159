package io.tunnelwatch.agent.http;

import java.util.concurrent.CompletableFuture;

/** What {@code POST /-/reload} starts: a configuration reload, answered when done. */
@FunctionalInterface
public interface ConfigReload {

  CompletableFuture<Result> start();

  /** For a server whose agent cannot reload. */
  ConfigReload UNAVAILABLE =
      () ->
          CompletableFuture.completedFuture(
              new Result(false, "this agent cannot reload its configuration"));

  /**
   * @param message never a secret: the counts, or every problem found
   */
  record Result(boolean success, String message) {}
}
