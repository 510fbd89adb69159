package io.tunnelwatch.lab;

import io.tunnelwatch.lab.snmp.SnmpSelectors;
import io.tunnelwatch.lab.ssh.SharedSshIo;

/**
 * The threads all routers' faces of one lab share; closed after the routers.
 *
 * @param ssh every SSH server's sockets, timer and vty sessions
 * @param snmp every SNMP agent's socket and request processing
 */
record FaceThreads(SharedSshIo ssh, SnmpSelectors snmp) implements AutoCloseable {

  /** As many I/O threads as cores for each face, whatever the number of routers. */
  static FaceThreads perCore() {
    SharedSshIo ssh = SharedSshIo.perCore();
    try {
      return new FaceThreads(ssh, SnmpSelectors.perCore());
    } catch (RuntimeException e) {
      ssh.close();
      throw e;
    }
  }

  @Override
  public void close() {
    ssh.close();
    snmp.close();
  }
}
