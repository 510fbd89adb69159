package io.tunnelwatch.lab.ssh;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.common.Factory;
import org.apache.sshd.common.FactoryManager;
import org.apache.sshd.common.io.IoServiceFactoryFactory;
import org.apache.sshd.common.io.nio2.Nio2ServiceFactory;
import org.apache.sshd.common.util.threads.CloseableExecutorService;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;

/**
 * The threads every router's SSH server of a lab shares: one NIO.2 channel group for all listening
 * and connected sockets, one timer and one pool that runs the vty sessions. Left to itself MINA
 * gives each server a channel group of its own (an epoll thread and three file descriptors) and a
 * timer thread once a client has connected, so the threads would grow with the routers.
 * Thread-safe.
 */
public final class SharedSshIo implements AutoCloseable {
  private final Nio2ServiceFactory io;
  private final ScheduledExecutorService timer;
  private final ExecutorService vty;

  private SharedSshIo(Nio2ServiceFactory io, ScheduledExecutorService timer, ExecutorService vty) {
    this.io = io;
    this.timer = timer;
    this.vty = vty;
  }

  /**
   * @param ioThreads threads that do the sockets' reads and writes (and the crypto in them)
   */
  public static SharedSshIo start(int ioThreads) {
    if (ioThreads < 1) {
      throw new IllegalArgumentException("need at least one SSH I/O thread, got " + ioThreads);
    }
    // MINA reads the socket settings of accepted connections (and its worker count) from the
    // factory manager the shared factory was made for, not from each router's server.
    SshServer socketSettings = new SshServer();
    CoreModuleProperties.NIO_WORKERS.set(socketSettings, ioThreads);
    // Real routers answer promptly; without this, small writes wait on delayed ACKs (~40 ms).
    CoreModuleProperties.TCP_NODELAY.set(socketSettings, true);
    Nio2ServiceFactory io = new Nio2ServiceFactory(socketSettings, null, null);
    return new SharedSshIo(
        io,
        Executors.newSingleThreadScheduledExecutor(daemonThreads("lab-ssh-timer-")),
        // A vty thread lives as long as its session (the shell waits for keystrokes), so this pool
        // grows with the open sessions, never with the routers; idle threads end after a minute.
        Executors.newCachedThreadPool(daemonThreads("lab-vty-")));
  }

  /** As many I/O threads as cores, the most the crypto can use. */
  public static SharedSshIo perCore() {
    return start(Runtime.getRuntime().availableProcessors());
  }

  /** Puts a router's server on the shared threads; call before starting it. */
  void adopt(SshServer server) {
    server.setIoServiceFactoryFactory(new SharedIoServiceFactoryFactory());
    // false: stopping one router's server must not stop the others' timer.
    server.setScheduledExecutorService(timer, false);
  }

  /** Where the routers' shell and exec channels run. */
  ExecutorService vty() {
    return vty;
  }

  @Override
  public void close() {
    io.close(true);
    timer.shutdownNow();
    vty.shutdownNow();
  }

  /** Hands every server a borrowed view of the one shared factory. */
  private final class SharedIoServiceFactoryFactory implements IoServiceFactoryFactory {
    @Override
    public BorrowedIoServiceFactory create(FactoryManager manager) {
      return new BorrowedIoServiceFactory(io);
    }

    @Override
    public void setExecutorServiceFactory(Factory<CloseableExecutorService> factory) {
      throw new UnsupportedOperationException("the lab's SSH servers share one executor");
    }
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger counter = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
