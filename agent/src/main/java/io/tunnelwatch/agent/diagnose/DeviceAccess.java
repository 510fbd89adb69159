package io.tunnelwatch.agent.diagnose;

import io.tunnelwatch.ios.transport.CliException;
import java.util.List;
import java.util.Optional;

/**
 * How {@code diagnose} reaches the configured devices: its own SSH sessions, never the polling
 * session of a device, so that a diagnosis cannot delay or disturb a poll.
 */
public interface DeviceAccess {

  /** Every configured device, in configuration order. */
  List<String> devices();

  /** A new session with the device; the caller closes it. */
  DiagnosticCli open(String device) throws CliException;

  /**
   * Whether the device answers SNMP, when it is configured for SNMP: empty when it is not.
   *
   * @return a one-line account of the answer or of the failure
   */
  Optional<SnmpReach> snmp(String device);

  /**
   * @param summary e.g. {@code sysUpTime 12 d 3 h} or {@code timeout after 1 s}
   */
  record SnmpReach(boolean answered, String summary) {}
}
