package io.tunnelwatch.lab.snmp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.snmp4j.TransportStateReference;
import org.snmp4j.security.SecurityLevel;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.transport.UdpTransportMapping;

/**
 * An SNMP4J UDP transport for one agent whose socket is served by a shared {@link UdpSelectorLoop}
 * instead of a listener thread of its own (SNMP4J's {@code DefaultUdpTransportMapping}), so that
 * thousands of agents need a handful of threads. Requests are processed on the loop's thread.
 */
final class SelectorUdpTransportMapping extends UdpTransportMapping {
  private static final Logger LOG = LoggerFactory.getLogger(SelectorUdpTransportMapping.class);

  private final DatagramChannel channel;
  private final UdpSelectorLoop loop;
  private volatile boolean listening;

  private SelectorUdpTransportMapping(
      UdpAddress boundAddress, DatagramChannel channel, UdpSelectorLoop loop) {
    super(boundAddress);
    this.channel = channel;
    this.loop = loop;
  }

  /**
   * Binds the socket now, so that the address is known (and taken) before the agent listens.
   *
   * @param address port 0 picks a free port
   */
  static SelectorUdpTransportMapping bind(InetSocketAddress address, UdpSelectorLoop loop)
      throws IOException {
    DatagramChannel channel = DatagramChannel.open();
    try {
      channel.bind(address);
      channel.configureBlocking(false);
      InetSocketAddress bound = (InetSocketAddress) channel.getLocalAddress();
      return new SelectorUdpTransportMapping(
          new UdpAddress(bound.getAddress(), bound.getPort()), channel, loop);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  @Override
  public synchronized void listen() throws IOException {
    if (!listening) {
      loop.register(channel, this::received);
      listening = true;
    }
  }

  @Override
  public boolean isListening() {
    return listening;
  }

  private void received(ByteBuffer datagram, InetSocketAddress sender) {
    TransportStateReference state =
        new TransportStateReference(
            this,
            udpAddress,
            null,
            SecurityLevel.undefined,
            SecurityLevel.undefined,
            false,
            channel);
    fireProcessMessage(new UdpAddress(sender.getAddress(), sender.getPort()), datagram, state);
  }

  @Override
  public void sendMessage(
      UdpAddress to,
      byte[] message,
      TransportStateReference state,
      long timeoutMillis,
      int maxRetries)
      throws IOException {
    int sent =
        channel.send(
            ByteBuffer.wrap(message), new InetSocketAddress(to.getInetAddress(), to.getPort()));
    if (sent == 0) {
      // The socket's send buffer is full; UDP may drop, and the manager will retry.
      LOG.debug("{}: send buffer full, {} bytes to {} dropped", udpAddress, message.length, to);
    }
  }

  @Override
  public synchronized void close() throws IOException {
    listening = false;
    channel.close();
    loop.wakeUp();
  }
}
