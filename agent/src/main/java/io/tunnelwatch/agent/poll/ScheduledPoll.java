package io.tunnelwatch.agent.poll;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** One device's poll as the scheduler sees it: start it, and release it at shutdown. */
public interface ScheduledPoll extends AutoCloseable {

  /** The device's name, unique in the agent. */
  String device();

  /**
   * Starts one poll of the device. Work that blocks (an SSH command, a history write) runs on
   * {@code workers}; waiting for an SNMP answer holds no thread. The future completes when the poll
   * has been recorded and published, successful or not; it does not fail.
   */
  CompletableFuture<Void> start(Executor workers);

  /**
   * True when the last poll saw something that one more poll soon would confirm or clear (an IKE
   * peer or a flow not established yet below the failure threshold).
   */
  default boolean awaitsConfirmation() {
    return false;
  }

  @Override
  void close();
}
