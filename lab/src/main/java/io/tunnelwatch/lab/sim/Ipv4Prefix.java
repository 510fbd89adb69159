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

  @Override
  public String toString() {
    return address + "/" + prefixLength;
  }
}
