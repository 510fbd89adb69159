package io.tunnelwatch.ios.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of an IP access list.
 *
 * @param sequence the entry's sequence number, 0 when IOS printed none
 * @param action {@code permit} or {@code deny}
 * @param protocol {@code ip}, {@code gre}, {@code tcp}, a number... ({@code ip} for a standard
 *     list)
 * @param source {@code A.B.C.D/W.W.W.W} (address and wildcard), or {@code object-group NAME}
 * @param destination like source; {@code 0.0.0.0/255.255.255.255} for a standard list
 * @param ports whatever follows the protocol and the two addresses, in order: port clauses such as
 *     {@code eq 500} and options such as {@code log}
 * @param line the entry as printed, without its {@code (N matches)} counter
 * @param sourcePort the port clause after the source, e.g. {@code eq 500}
 * @param destinationPort the port clause after the destination
 */
public record AclEntry(
    int sequence,
    String action,
    String protocol,
    String source,
    String destination,
    List<String> ports,
    String line,
    Optional<String> sourcePort,
    Optional<String> destinationPort) {

  /** The wildcard form of {@code any}. */
  public static final String ANY = "0.0.0.0/255.255.255.255";

  public AclEntry {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(destination, "destination");
    ports = List.copyOf(ports);
    Objects.requireNonNull(line, "line");
    Objects.requireNonNull(sourcePort, "sourcePort");
    Objects.requireNonNull(destinationPort, "destinationPort");
  }

  /** An entry whose port clauses are not told apart (they stay in {@code ports} only). */
  public AclEntry(
      int sequence,
      String action,
      String protocol,
      String source,
      String destination,
      List<String> ports,
      String line) {
    this(
        sequence,
        action,
        protocol,
        source,
        destination,
        ports,
        line,
        Optional.empty(),
        Optional.empty());
  }

  /**
   * True when {@code other} selects the same traffic seen from the other end: same action and
   * protocol, source and destination swapped, and their port clauses swapped too.
   */
  public boolean mirrors(AclEntry other) {
    return action.equals(other.action)
        && protocol.equals(other.protocol)
        && source.equals(other.destination)
        && destination.equals(other.source)
        && sourcePort.equals(other.destinationPort)
        && destinationPort.equals(other.sourcePort);
  }
}
