package io.tunnelwatch.agent.cli;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code HOST:PORT} options and formats bound addresses for URLs printed to the user. */
public final class HostPort {

  private HostPort() {}

  public static String format(InetSocketAddress address) {
    InetAddress ip = address.getAddress();
    String host = ip == null ? address.getHostString() : ip.getHostAddress();
    if (ip != null && ip.isAnyLocalAddress()) {
      host = "localhost";
    } else if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return host + ":" + address.getPort();
  }

  /**
   * Parses {@code HOST:PORT}, {@code [IPV6]:PORT} or {@code :PORT} (every address); port 0 means
   * any free port.
   *
   * @throws IllegalArgumentException naming the expected form
   */
  public static InetSocketAddress parse(String text) {
    int colon = text.lastIndexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException(
          "expected HOST:PORT (e.g. 127.0.0.1:2280), got '" + text + "'");
    }
    String host = text.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port;
    try {
      port = Integer.parseInt(text.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "expected HOST:PORT with a numeric port (e.g. 127.0.0.1:2280), got '" + text + "'");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException(
          "expected a port from 0 to 65535 in HOST:PORT, got '" + text + "'");
    }
    return host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
  }

  /** The picocli face of {@link #parse}. */
  static final class Converter implements ITypeConverter<InetSocketAddress> {
    @Override
    public InetSocketAddress convert(String value) {
      try {
        return parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
