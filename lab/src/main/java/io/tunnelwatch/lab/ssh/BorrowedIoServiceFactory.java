package io.tunnelwatch.lab.ssh;

import org.apache.sshd.common.io.IoAcceptor;
import org.apache.sshd.common.io.IoConnector;
import org.apache.sshd.common.io.IoHandler;
import org.apache.sshd.common.io.IoService;
import org.apache.sshd.common.io.IoServiceEventListener;
import org.apache.sshd.common.io.IoServiceFactory;
import org.apache.sshd.common.util.closeable.AbstractCloseable;

/**
 * One SSH server's handle on the lab's shared I/O: acceptors and connectors come from the shared
 * factory, but closing the handle (which a server does when it stops) leaves the shared factory,
 * its channel group and its threads running for the other servers.
 */
final class BorrowedIoServiceFactory extends AbstractCloseable implements IoServiceFactory {
  private final IoServiceFactory shared;

  /** Null until the server sets one, as MINA's own factories. */
  private volatile IoServiceEventListener listener;

  BorrowedIoServiceFactory(IoServiceFactory shared) {
    this.shared = shared;
  }

  @Override
  public IoConnector createConnector(IoHandler handler) {
    return withListener(shared.createConnector(handler));
  }

  @Override
  public IoAcceptor createAcceptor(IoHandler handler) {
    return withListener(shared.createAcceptor(handler));
  }

  /** This server's listener, not the shared factory's, watches the services made for it. */
  private <S extends IoService> S withListener(S service) {
    service.setIoServiceEventListener(listener);
    return service;
  }

  @Override
  public IoServiceEventListener getIoServiceEventListener() {
    return listener;
  }

  @Override
  public void setIoServiceEventListener(IoServiceEventListener newListener) {
    this.listener = newListener;
  }
}
