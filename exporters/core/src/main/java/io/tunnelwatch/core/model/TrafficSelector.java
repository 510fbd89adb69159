package io.tunnelwatch.core.model;

/**
 * One side of an IPsec proxy identity, as in IOS's {@code local ident (addr/mask/prot/port)}.
 *
 * @param address network address
 * @param prefixLength prefix length of the mask
 * @param protocol IP protocol number, 0 for any
 * @param port port, 0 for any
 */
public record TrafficSelector(String address, int prefixLength, int protocol, int port) {

  /** The {@code addr/prefix:proto} form used in the {@code flow} label; the port only when set. */
  public String label() {
    String base = address + "/" + prefixLength + ":" + protocol;
    return port == 0 ? base : base + ":" + port;
  }

  /** The {@code flow} label for a local/remote pair. */
  public static String flowLabel(TrafficSelector local, TrafficSelector remote) {
    return local.label() + "->" + remote.label();
  }
}
