package io.tunnelwatch.agent.poll;

import io.tunnelwatch.core.model.DeviceSnapshot;
import io.tunnelwatch.core.model.Source;
import java.util.List;

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

  /** Collects a fresh snapshot. */
  PollResult poll() throws PollException;

  @Override
  void close();

  /**
   * A successful poll.
   *
   * @param snapshot what the device reported
   * @param warnings count of parse warnings by command, for the parse-warning metric
   */
  record PollResult(DeviceSnapshot snapshot, java.util.Map<String, Integer> warnings) {}
}
