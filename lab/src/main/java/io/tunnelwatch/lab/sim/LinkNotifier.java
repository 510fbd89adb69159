package io.tunnelwatch.lab.sim;

import io.tunnelwatch.lab.events.FailureRecord;
import io.tunnelwatch.lab.events.RouterEvent;
import io.tunnelwatch.lab.events.RouterEventListener;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * Turns a link's changes into each router's {@link RouterEvent}s, from that router's point of view.
 * A router that is reloading can be silenced: it reports nothing of the teardown it causes. Not
 * thread-safe: owned and guarded by its {@link TunnelLink}.
 */
final class LinkNotifier implements AutoCloseable {
  private final LinkSpec spec;
  private final EventDispatcher dispatcher;
  private final Map<Side, String> tunnelNames = new EnumMap<>(Side.class);
  private Side silenced;

  LinkNotifier(LinkSpec spec) {
    this.spec = spec;
    this.dispatcher = new EventDispatcher(spec.addressA() + "-" + spec.addressB());
    for (Side side : Side.values()) {
      tunnelNames.put(side, "Tunnel");
    }
  }

  void tunnelInterface(Side side, String name) {
    tunnelNames.put(side, name);
  }

  void addListener(Side side, RouterEventListener listener) {
    dispatcher.add(side, listener);
  }

  /** Until {@link #unsilence()}, nothing is reported for {@code side}. */
  void silence(Side side) {
    silenced = side;
  }

  void unsilence() {
    silenced = null;
  }

  void ike(boolean start, IkeSa ike, Instant at) {
    for (Side side : Side.values()) {
      emit(
          side,
          new RouterEvent.IkeTunnel(
              at,
              start,
              ike.generation() + 1,
              ike.connId(),
              spec.address(side),
              spec.address(side.peer())));
    }
  }

  void ipsec(boolean start, IpsecSaPair pair, Instant at) {
    for (Side side : Side.values()) {
      emit(
          side,
          new RouterEvent.IpsecTunnel(
              at,
              start,
              pair.generation() + 1,
              pair.inboundSpi(side),
              pair.outboundSpi(side),
              spec.address(side),
              spec.address(side.peer())));
    }
  }

  void tunnelLink(boolean up, Instant at) {
    for (Side side : Side.values()) {
      emit(side, new RouterEvent.InterfaceLink(at, up, tunnelNames.get(side)));
    }
  }

  void failure(Side side, FailureRecord record) {
    emit(side, new RouterEvent.NegotiationFailure(record.at(), record));
  }

  void coldStart(Side side, Instant at) {
    emit(side, new RouterEvent.ColdStart(at));
  }

  private void emit(Side side, RouterEvent event) {
    if (side != silenced) {
      dispatcher.emit(side, event);
    }
  }

  @Override
  public void close() {
    dispatcher.close();
  }
}
