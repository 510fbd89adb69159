package io.tunnelwatch.agent.poll;

import io.tunnelwatch.core.model.DeviceSnapshot;
import io.tunnelwatch.core.model.Source;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/** Polls one device over one source. Never called concurrently for one device. */
public interface DevicePoller extends AutoCloseable {

  Source source();

  /**
   * Every {@link PollException#reason()} this poller can fail with, so that each failure counter
   * exists at 0 before the first failure.
   */
  default List<String> failureReasons() {
    return List.of();
  }

  /** Collects a fresh snapshot, waiting for it. */
  PollResult poll() throws PollException;

  /**
   * Collects a fresh snapshot; fails with a {@link PollException}. This default runs {@link
   * #poll()} on {@code workers}, for pollers that must wait on their transport (SSH); pollers with
   * an asynchronous transport hold no thread while they wait.
   */
  default CompletableFuture<PollResult> pollAsync(Executor workers) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return poll();
          } catch (PollException e) {
            throw new CompletionException(e);
          }
        },
        workers);
  }

  @Override
  void close();

  /**
   * A successful poll.
   *
   * @param snapshot what the device reported
   * @param warnings count of parse warnings by command, for the parse-warning metric
   */
  record PollResult(DeviceSnapshot snapshot, Map<String, Integer> warnings) {}
}
