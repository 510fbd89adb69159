package io.tunnelwatch.lab.sim;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * N routers with M tunnels each, for load tests. Router k (1-based) is {@code Rk}; its tunnels go
 * to its M nearest neighbours on a ring (k±1, k±2, ...; for odd M also the router opposite), so
 * every router has exactly M peers and every link joins two routers that agree on it exactly like
 * R1 and R2 do. The lower-numbered router of a link initiates IKE.
 *
 * <p>Addresses: uplink of Rk {@code 100.(64+(k-1)/256).((k-1)%256).1/24}, LAN {@code
 * 10.((k-1)/256).((k-1)%256).1/24}, link e's tunnel pair the e-th /30 of 172.16.0.0/12. Tunnels are
 * numbered Tunnel1..TunnelM per router in the order the links were made.
 */
public final class ScaleTopology {
  private ScaleTopology() {}

  /**
   * @throws IllegalArgumentException unless 2 ≤ routers, 1 ≤ tunnels < routers, and routers is even
   *     when tunnels is odd (otherwise no such regular ring exists)
   */
  public static List<SimulatedRouter> create(Clock clock, int routers, int tunnels) {
    validate(routers, tunnels);
    TopologyBuilder builder = new TopologyBuilder(clock);
    for (int i = 0; i < routers; i++) {
      builder.router(
          name(i),
          String.format(Locale.ROOT, "Branch-%03d", i + 1),
          String.format(Locale.ROOT, "100.%d.%d.1/24", 64 + i / 256, i % 256),
          String.format(Locale.ROOT, "10.%d.%d.1/24", i / 256, i % 256),
          String.format(Locale.ROOT, "5254.%04x", 0x1000 + (i >> 8)),
          String.format(Locale.ROOT, "%02x", i & 0xFF),
          Duration.ofDays(1).plusMinutes(i),
          String.format(Locale.ROOT, "9KXTS%05d", i + 1));
    }
    int[] used = new int[routers];
    int edge = 0;
    List<int[]> pairs = new ArrayList<>();
    for (int d = 1; d <= tunnels / 2; d++) {
      for (int i = 0; i < routers; i++) {
        pairs.add(new int[] {i, (i + d) % routers});
      }
    }
    if (tunnels % 2 == 1) {
      for (int i = 0; i < routers / 2; i++) {
        pairs.add(new int[] {i, i + routers / 2});
      }
    }
    for (int[] pair : pairs) {
      int a = Math.min(pair[0], pair[1]);
      int b = Math.max(pair[0], pair[1]);
      long base = (172L << 24) | (16L << 16) | (4L * edge);
      builder.link(
          name(a),
          "Tunnel" + ++used[a],
          address(base + 1) + "/30",
          name(b),
          "Tunnel" + ++used[b],
          address(base + 2) + "/30",
          TrafficProfile.standard(),
          1000 + edge);
      edge++;
    }
    return builder.build();
  }

  static void validate(int routers, int tunnels) {
    if (routers < 2 || tunnels < 1 || tunnels >= routers) {
      throw new IllegalArgumentException(
          "scale needs at least 2 routers and 1 to routers-1 tunnels each, got "
              + routers
              + "x"
              + tunnels);
    }
    if (tunnels % 2 == 1 && routers % 2 == 1) {
      throw new IllegalArgumentException(
          "an odd number of tunnels per router needs an even number of routers, got "
              + routers
              + "x"
              + tunnels);
    }
    if (routers > 16_384) {
      throw new IllegalArgumentException("at most 16384 routers, got " + routers);
    }
  }

  /** {@code R1}, {@code R2}, ... for positions 0, 1, ... */
  public static String name(int position) {
    return "R" + (position + 1);
  }

  private static String address(long value) {
    return ((value >> 24) & 0xFF)
        + "."
        + ((value >> 16) & 0xFF)
        + "."
        + ((value >> 8) & 0xFF)
        + "."
        + (value & 0xFF);
  }
}
