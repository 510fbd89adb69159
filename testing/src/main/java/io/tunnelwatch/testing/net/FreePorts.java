package io.tunnelwatch.testing.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Loopback ports that were free a moment ago, for servers a test starts in another process (which
 * cannot be handed an already bound socket). The port is released before it is returned, so another
 * program may take it first; the window is short enough for tests.
 */
public final class FreePorts {

  private FreePorts() {}

  /** A TCP port on 127.0.0.1. */
  public static int tcp() {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A UDP port on 127.0.0.1. */
  public static int udp() {
    try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
