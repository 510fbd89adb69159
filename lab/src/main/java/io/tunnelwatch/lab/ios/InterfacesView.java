package io.tunnelwatch.lab.ios;

import io.tunnelwatch.lab.sim.InterfaceSnapshot;
import io.tunnelwatch.lab.sim.RouterSnapshot;
import java.time.Duration;
import java.util.List;

/**
 * {@code show interfaces [name]} for IOSv-style GigabitEthernet ports and GRE tunnels. The trailing
 * blank after "line protocol is up", "usec," and "throttles" is what classic IOS prints.
 */
final class InterfacesView {
  private static final long GIGABIT_KBIT = 1_000_000;
  private static final long TUNNEL_KBIT = 100;

  private InterfacesView() {}

  static String render(RouterSnapshot router, List<InterfaceSnapshot> interfaces) {
    StringBuilder out = new StringBuilder();
    for (InterfaceSnapshot i : interfaces) {
      if (i.isTunnel()) {
        tunnel(out, i);
      } else {
        ethernet(out, i);
      }
    }
    return out.toString();
  }

  private static void ethernet(StringBuilder out, InterfaceSnapshot i) {
    out.append(i.name())
        .append(" is up, line protocol is ")
        .append(i.lineUp() ? "up" : "down")
        .append(" \n");
    out.append("  Hardware is iGbE, address is ")
        .append(i.mac())
        .append(" (bia ")
        .append(i.mac())
        .append(")\n");
    out.append("  Internet address is ").append(i.address()).append('\n');
    out.append("  MTU 1500 bytes, BW 1000000 Kbit/sec, DLY 10 usec, \n");
    load(out, i, GIGABIT_KBIT);
    out.append("  Encapsulation ARPA, loopback not set\n");
    out.append("  Keepalive set (10 sec)\n");
    out.append("  Auto Duplex, Auto Speed, link type is auto, media type is RJ45\n");
    out.append("  output flow-control is unsupported, input flow-control is unsupported\n");
    out.append("  ARP type: ARPA, ARP Timeout 04:00:00\n");
    lastIo(out, i);
    out.append("  Input queue: 0/75/0/0 (size/max/drops/flushes); Total output drops: 0\n");
    out.append("  Queueing strategy: fifo\n");
    out.append("  Output queue: 0/40 (size/max)\n");
    rates(out, i);
    out.append(
        IosFormat.f("     %d packets input, %d bytes, 0 no buffer\n", i.packetsIn(), i.bytesIn()));
    out.append(IosFormat.f("     Received %d broadcasts (0 IP multicasts)\n", i.broadcastsIn()));
    out.append("     0 runts, 0 giants, 0 throttles \n");
    out.append("     0 input errors, 0 CRC, 0 frame, 0 overrun, 0 ignored\n");
    out.append("     0 watchdog, 0 multicast, 0 pause input\n");
    out.append(
        IosFormat.f(
            "     %d packets output, %d bytes, 0 underruns\n", i.packetsOut(), i.bytesOut()));
    out.append("     0 output errors, 0 collisions, 1 interface resets\n");
    out.append("     0 unknown protocol drops\n");
    out.append("     0 babbles, 0 late collision, 0 deferred\n");
    out.append("     0 lost carrier, 0 no carrier, 0 pause output\n");
    out.append("     0 output buffer failures, 0 output buffers swapped out\n");
  }

  private static void tunnel(StringBuilder out, InterfaceSnapshot i) {
    out.append(i.name())
        .append(" is up, line protocol is ")
        .append(i.lineUp() ? "up" : "down")
        .append(" \n");
    out.append("  Hardware is Tunnel\n");
    out.append("  Internet address is ").append(i.address()).append('\n');
    out.append("  MTU 17916 bytes, BW 100 Kbit/sec, DLY 50000 usec, \n");
    load(out, i, TUNNEL_KBIT);
    out.append("  Encapsulation TUNNEL, loopback not set\n");
    out.append("  Keepalive not set\n");
    out.append("  Tunnel linestate evaluation ").append(i.lineUp() ? "up" : "down").append('\n');
    out.append("  Tunnel source ")
        .append(i.tunnel().source())
        .append(", destination ")
        .append(i.tunnel().destination())
        .append('\n');
    out.append("  Tunnel protocol/transport GRE/IP\n");
    out.append("    Key disabled, sequencing disabled\n");
    out.append("    Checksumming of packets disabled\n");
    out.append("  Tunnel TTL 255, Fast tunneling enabled\n");
    out.append("  Tunnel transport MTU 1476 bytes\n");
    out.append("  Tunnel transmit bandwidth 8000 (kbps)\n");
    out.append("  Tunnel receive bandwidth 8000 (kbps)\n");
    lastIo(out, i);
    out.append("  Input queue: 0/375/0/0 (size/max/drops/flushes); Total output drops: 0\n");
    out.append("  Queueing strategy: fifo\n");
    out.append("  Output queue: 0/0 (size/max)\n");
    rates(out, i);
    out.append(
        IosFormat.f("     %d packets input, %d bytes, 0 no buffer\n", i.packetsIn(), i.bytesIn()));
    out.append("     Received 0 broadcasts (0 IP multicasts)\n");
    out.append("     0 runts, 0 giants, 0 throttles \n");
    out.append("     0 input errors, 0 CRC, 0 frame, 0 overrun, 0 ignored, 0 abort\n");
    out.append(
        IosFormat.f(
            "     %d packets output, %d bytes, 0 underruns\n", i.packetsOut(), i.bytesOut()));
    out.append("     0 output errors, 0 collisions, 0 interface resets\n");
    out.append("     0 unknown protocol drops\n");
    out.append("     0 output buffer failures, 0 output buffers swapped out\n");
  }

  private static void load(StringBuilder out, InterfaceSnapshot i, long bandwidthKbit) {
    out.append(
        IosFormat.f(
            "     reliability 255/255, txload %d/255, rxload %d/255\n",
            load(i.outputBitsPerSecond(), bandwidthKbit),
            load(i.inputBitsPerSecond(), bandwidthKbit)));
  }

  /** IOS scales load to 255 and never shows less than 1. */
  private static long load(long bitsPerSecond, long bandwidthKbit) {
    return Math.max(1, Math.round(bitsPerSecond * 255.0 / (bandwidthKbit * 1000.0)));
  }

  private static void lastIo(StringBuilder out, InterfaceSnapshot i) {
    out.append("  Last input ")
        .append(last(i.sinceLastInput()))
        .append(", output ")
        .append(last(i.sinceLastOutput()))
        .append(", output hang never\n");
    out.append("  Last clearing of \"show interface\" counters never\n");
  }

  private static String last(Duration since) {
    return since == null ? "never" : IosFormat.age(since);
  }

  private static void rates(StringBuilder out, InterfaceSnapshot i) {
    out.append(
        IosFormat.f(
            "  5 minute input rate %d bits/sec, %d packets/sec\n",
            roundRate(i.inputBitsPerSecond()), i.inputPacketsPerSecond()));
    out.append(
        IosFormat.f(
            "  5 minute output rate %d bits/sec, %d packets/sec\n",
            roundRate(i.outputBitsPerSecond()), i.outputPacketsPerSecond()));
  }

  /** IOS reports bit rates in whole thousands. */
  private static long roundRate(long bitsPerSecond) {
    return Math.round(bitsPerSecond / 1000.0) * 1000;
  }
}
