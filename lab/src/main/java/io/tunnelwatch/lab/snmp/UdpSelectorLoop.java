package io.tunnelwatch.lab.snmp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.Iterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread that waits on many UDP sockets at once and hands each datagram to its socket's
 * receiver, on that thread. Receivers must not block: a slow one delays every socket of the loop.
 */
final class UdpSelectorLoop implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(UdpSelectorLoop.class);

  /** The largest UDP payload; one buffer of it per loop is all the receive memory there is. */
  private static final int MAX_DATAGRAM = 65_535;

  /** Datagrams read from one socket before the others get their turn. */
  private static final int DATAGRAMS_PER_TURN = 16;

  private static final Duration STOP_WAIT = Duration.ofSeconds(5);

  /** Gets every datagram of one socket. */
  interface Receiver {
    void received(ByteBuffer datagram, InetSocketAddress sender);
  }

  private final Selector selector;
  private final Thread thread;
  private final ByteBuffer buffer = ByteBuffer.allocateDirect(MAX_DATAGRAM);
  private volatile boolean running = true;

  private UdpSelectorLoop(Selector selector, String threadName) {
    this.selector = selector;
    this.thread = new Thread(this::run, threadName);
    thread.setDaemon(true);
  }

  static UdpSelectorLoop start(String threadName) {
    try {
      UdpSelectorLoop loop = new UdpSelectorLoop(Selector.open(), threadName);
      loop.thread.start();
      return loop;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open a selector for the lab's SNMP agents", e);
    }
  }

  /**
   * Serves a bound socket from now on; it must be non-blocking. Closing the socket ends that, and
   * {@link #wakeUp()} after closing releases it at once.
   */
  void register(DatagramChannel channel, Receiver receiver) throws IOException {
    // Since Java 11 registering does not wait for a select in progress; the wake-up makes the
    // selector take the new key into its next round instead of after its next event.
    channel.register(selector, SelectionKey.OP_READ, receiver);
    selector.wakeup();
  }

  /** Makes the selector notice closed sockets now (their file descriptors are freed then). */
  void wakeUp() {
    selector.wakeup();
  }

  private void run() {
    while (running) {
      try {
        selector.select();
        Iterator<SelectionKey> ready = selector.selectedKeys().iterator();
        while (ready.hasNext()) {
          SelectionKey key = ready.next();
          ready.remove();
          if (key.isValid() && key.isReadable()) {
            drain(key);
          }
        }
      } catch (ClosedSelectorException e) {
        return;
      } catch (IOException | RuntimeException e) {
        // One bad round (or receiver) must not end the answers of every agent on this loop.
        LOG.warn("SNMP selector round failed: {}", e.toString());
      }
    }
  }

  private void drain(SelectionKey key) {
    DatagramChannel channel = (DatagramChannel) key.channel();
    Receiver receiver = (Receiver) key.attachment();
    for (int turn = 0; turn < DATAGRAMS_PER_TURN; turn++) {
      SocketAddress sender;
      buffer.clear();
      try {
        sender = channel.receive(buffer);
      } catch (IOException e) {
        LOG.debug("receiving on {}: {}", channel, e.toString());
        return;
      }
      if (sender == null) {
        return;
      }
      buffer.flip();
      // A copy of its own: the message processing may keep parts of it after this call.
      byte[] datagram = new byte[buffer.remaining()];
      buffer.get(datagram);
      try {
        receiver.received(ByteBuffer.wrap(datagram), (InetSocketAddress) sender);
      } catch (RuntimeException e) {
        LOG.warn("SNMP request from {} failed: {}", sender, e.toString());
      }
    }
  }

  @Override
  public void close() {
    running = false;
    selector.wakeup();
    try {
      thread.join(STOP_WAIT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      selector.close();
    } catch (IOException e) {
      LOG.debug("closing SNMP selector: {}", e.toString());
    }
  }
}
