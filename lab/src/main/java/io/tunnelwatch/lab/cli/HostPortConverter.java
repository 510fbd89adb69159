package io.tunnelwatch.lab.cli;

import java.net.InetSocketAddress;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code HOST:PORT}, {@code [IPV6]:PORT} or {@code :PORT} (every address) on the lab's command
 * line; port 0 means any free port.
 */
public final class HostPortConverter implements ITypeConverter<InetSocketAddress> {

  @Override
  public InetSocketAddress convert(String text) {
    int colon = text.lastIndexOf(':');
    if (colon < 0) {
      throw new TypeConversionException(
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
      throw new TypeConversionException(
          "expected HOST:PORT with a numeric port (e.g. 127.0.0.1:2280), got '" + text + "'");
    }
    if (port < 0 || port > 65_535) {
      throw new TypeConversionException(
          "expected a port from 0 to 65535 in HOST:PORT, got '" + text + "'");
    }
    return host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
  }
}
