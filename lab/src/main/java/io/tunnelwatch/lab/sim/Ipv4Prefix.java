package io.tunnelwatch.lab.sim;

/** An IPv4 interface address with its prefix length, e.g. {@code 10.0.0.1/24}. */
public record Ipv4Prefix(String address, int prefixLength) {

  public Ipv4Prefix {
    if (prefixLength < 0 || prefixLength > 32) {
      throw new IllegalArgumentException("prefix length out of range: " + prefixLength);
    }
  }

  /** Parses {@code a.b.c.d/n}. */
  public static Ipv4Prefix parse(String text) {
    int slash = text.indexOf('/');
    return new Ipv4Prefix(text.substring(0, slash), Integer.parseInt(text.substring(slash + 1)));
  }

  /** The network the address is on, {@code 192.168.1.0} for {@code 192.168.1.1/24}. */
  public String network() {
    return dotted(toBits(address) & maskBits());
  }

  /** The mask IOS writes after an interface address, {@code 255.255.255.0}. */
  public String netmask() {
    return dotted(maskBits());
  }

  /** The inverse mask access lists use, {@code 0.0.0.255}. */
  public String wildcard() {
    return dotted(~maskBits());
  }

  /** The highest host address of the network, where the lab puts each uplink's gateway. */
  public String lastHost() {
    return dotted((toBits(address) | ~maskBits()) - 1);
  }

  private int maskBits() {
    // A shift by 32 is a shift by 0 in Java, hence the special case.
    return prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
  }

  private static int toBits(String dotted) {
    String[] parts = dotted.split("\\.");
    int bits = 0;
    for (String part : parts) {
      bits = (bits << 8) | Integer.parseInt(part);
    }
    return bits;
  }

  private static String dotted(int bits) {
    return ((bits >>> 24) & 0xFF)
        + "."
        + ((bits >>> 16) & 0xFF)
        + "."
        + ((bits >>> 8) & 0xFF)
        + "."
        + (bits & 0xFF);
  }

  @Override
  public String toString() {
    return address + "/" + prefixLength;
  }
}
