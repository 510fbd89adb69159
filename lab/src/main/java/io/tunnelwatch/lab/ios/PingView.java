package io.tunnelwatch.lab.ios;

import io.tunnelwatch.lab.sim.InterfaceSnapshot;
import io.tunnelwatch.lab.sim.RouterSnapshot;
import io.tunnelwatch.lab.sim.TunnelPath;
import java.util.Optional;

/**
 * {@code ping}: who answers follows from the router's state, and the whole run is printed at once
 * (the echoes are not really sent, so no timeout is waited for).
 */
final class PingView {
  private PingView() {}

  /** IOS starts a new line of {@code !} or {@code .} after this many. */
  private static final int MARKS_PER_LINE = 70;

  /** Where an answer comes from, which sets the round trips the lab reports. */
  private enum Responder {
    /** One of the router's own addresses: answered inside the router. */
    SELF(1, 1),
    /** The peer's public address, one internet path away. */
    PEER_UPLINK(4, 1),
    /** An address behind the tunnel: encrypted both ways. */
    THROUGH_TUNNEL(4, 2);

    /** The first echo waits for ARP and route caches, so it is slower. */
    private final int firstMillis;

    private final int nextMillis;

    Responder(int firstMillis, int nextMillis) {
      this.firstMillis = firstMillis;
      this.nextMillis = nextMillis;
    }
  }

  static String render(RouterSnapshot router, PingRequest request) {
    Optional<String> source = source(router, request);
    if (request.sourceAddress().isPresent() && source.isEmpty()) {
      return "% Invalid source address- IP address not on this router\n";
    }
    StringBuilder out = new StringBuilder("Type escape sequence to abort.\n");
    out.append(
        IosFormat.f(
            "Sending %d, %d-byte ICMP Echos to %s, timeout is %d seconds:\n",
            request.repeat(), request.size(), request.target(), request.timeoutSeconds()));
    source.ifPresent(
        a -> out.append("Packet sent with a source address of ").append(a).append(" \n"));
    Optional<Responder> responder = responder(router, request.target());
    char mark = responder.isPresent() ? '!' : '.';
    for (int sent = 0; sent < request.repeat(); sent += MARKS_PER_LINE) {
      int count = Math.min(MARKS_PER_LINE, request.repeat() - sent);
      out.append(String.valueOf(mark).repeat(count)).append('\n');
    }
    if (responder.isEmpty()) {
      out.append(IosFormat.f("Success rate is 0 percent (0/%d)\n", request.repeat()));
      return out.toString();
    }
    Responder r = responder.get();
    int n = request.repeat();
    long total = r.firstMillis + (long) (n - 1) * r.nextMillis;
    out.append(
        IosFormat.f(
            "Success rate is 100 percent (%d/%d), round-trip min/avg/max = %d/%d/%d ms\n",
            n,
            n,
            n == 1 ? r.firstMillis : Math.min(r.firstMillis, r.nextMillis),
            total / n,
            Math.max(r.firstMillis, r.nextMillis)));
    return out.toString();
  }

  /**
   * The source address to print: the named interface's, or the given one if it is this router's.
   */
  private static Optional<String> source(RouterSnapshot router, PingRequest request) {
    if (request.sourceInterface().isPresent()) {
      return router.interfaceNamed(request.sourceInterface().get()).map(i -> i.address().address());
    }
    return request
        .sourceAddress()
        .filter(a -> router.interfaces().stream().anyMatch(i -> i.address().address().equals(a)));
  }

  private static Optional<Responder> responder(RouterSnapshot router, String target) {
    for (InterfaceSnapshot own : router.interfaces()) {
      // An interface whose line protocol is down takes its connected address with it.
      if (own.address().address().equals(target)) {
        return own.lineUp() ? Optional.of(Responder.SELF) : Optional.empty();
      }
    }
    for (TunnelPath path : router.paths()) {
      if (path.tunnel().destination().equals(target)) {
        return path.peerReachable() ? Optional.of(Responder.PEER_UPLINK) : Optional.empty();
      }
      boolean behindTunnel =
          path.tunnel().peerAddress().equals(target)
              || path.tunnel().peerLan().address().equals(target);
      if (behindTunnel) {
        return path.carriesTraffic() ? Optional.of(Responder.THROUGH_TUNNEL) : Optional.empty();
      }
    }
    return Optional.empty();
  }
}
