package io.tunnelwatch.agent.poll;

/** One device's poll as the scheduler sees it: run it, and release it at shutdown. */
public interface ScheduledPoll extends Runnable, AutoCloseable {

  /** The device's name, unique in the agent. */
  String device();

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
