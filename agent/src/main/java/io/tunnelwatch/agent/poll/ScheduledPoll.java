package io.tunnelwatch.agent.poll;

/** One device's poll as the scheduler sees it: run it, and release it at shutdown. */
public interface ScheduledPoll extends Runnable, AutoCloseable {

  /** The device's name, unique in the agent. */
  String device();

  @Override
  void close();
}
