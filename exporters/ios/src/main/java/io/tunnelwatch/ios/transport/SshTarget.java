package io.tunnelwatch.ios.transport;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how to open a CLI session on one device.
 *
 * @param device configured device name, used in messages only
 * @param knownHosts OpenSSH known_hosts file holding the device's host key
 * @param trustOnFirstUse accept and record a host key the file does not know yet; a changed key is
 *     refused regardless
 * @param connectTimeout bound on TCP connect, key exchange and authentication together
 */
public record SshTarget(
    String device,
    String host,
    int port,
    String username,
    SshCredentials credentials,
    Path knownHosts,
    boolean trustOnFirstUse,
    Duration connectTimeout) {

  public SshTarget {
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(knownHosts, "knownHosts");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be 1..65535, was " + port);
    }
  }

  /** {@code user@host:port}, for log lines. */
  public String address() {
    return username + "@" + host + ":" + port;
  }
}
