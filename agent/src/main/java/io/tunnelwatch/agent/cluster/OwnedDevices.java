package io.tunnelwatch.agent.cluster;

import java.util.Set;

/** The devices as the ownership reconciler moves them: what is configured, and what runs here. */
public interface OwnedDevices {

  /** The devices of the running configuration, by name. */
  Set<String> configured();

  /** The devices polled on this member now. */
  Set<String> polled();

  /** Starts polling a device this member now owns, continuing from its saved state. */
  void acquire(String device) throws Exception;

  /** Stops polling devices another member now owns, after saving their state for it. */
  void release(Set<String> devices) throws Exception;
}
