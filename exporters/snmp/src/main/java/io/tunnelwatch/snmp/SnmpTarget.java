package io.tunnelwatch.snmp;

import java.time.Duration;
import java.util.Objects;

/**
 * Where and how to reach one agent.
 *
 * @param host name or address of the agent
 * @param port UDP port, normally 161
 * @param timeout how long to wait for each response before retrying
 * @param retries how many times to resend an unanswered request (0..10)
 * @param credentials community or USM user; never printed
 */
public record SnmpTarget(
    String host, int port, Duration timeout, int retries, SnmpCredentials credentials) {

  public SnmpTarget {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(credentials, "credentials");
    if (host.isBlank()) {
      throw new IllegalArgumentException("expected an SNMP agent host name or address");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("expected a UDP port in 1..65535, got " + port);
    }
    if (timeout.isNegative() || timeout.isZero() || timeout.toMillis() > 60_000) {
      throw new IllegalArgumentException("expected a timeout in (0, 60 s], got " + timeout);
    }
    if (retries < 0 || retries > 10) {
      throw new IllegalArgumentException("expected retries in 0..10, got " + retries);
    }
  }

  /** {@code host:port}, for messages. */
  public String address() {
    return host + ":" + port;
  }

  /** The longest one request can take: every attempt timing out. */
  public Duration worstCaseRequest() {
    return timeout.multipliedBy(retries + 1L);
  }
}
