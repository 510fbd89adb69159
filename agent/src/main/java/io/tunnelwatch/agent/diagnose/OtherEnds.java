package io.tunnelwatch.agent.diagnose;

import io.tunnelwatch.ios.model.InterfaceStatus;
import io.tunnelwatch.ios.parse.InterfacesParser;
import io.tunnelwatch.ios.transport.CliException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds which configured device is the other end of a tunnel: the one that holds the tunnel's
 * destination as an interface address. Sessions opened to look are kept for the rest of the
 * diagnosis and closed with it.
 */
final class OtherEnds implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(OtherEnds.class);

  /** Devices asked at most: a diagnosis of one device must not log in to a whole fleet. */
  static final int MAX_DEVICES_ASKED = 64;

  /** A configured device at the far end, as far as it could be read. */
  record End(String device, DiagnosticCli cli, List<InterfaceStatus> interfaces) {

    /** The tunnel on this end whose destination is {@code address}. */
    Optional<InterfaceStatus> tunnelTo(String address) {
      return interfaces.stream()
          .filter(i -> i.tunnel().flatMap(t -> t.destination()).map(address::equals).orElse(false))
          .findFirst();
    }
  }

  private final DeviceAccess access;
  private final String self;
  private final Map<String, Optional<End>> asked = new LinkedHashMap<>();
  private final List<String> notes = new ArrayList<>();

  OtherEnds(DeviceAccess access, String self) {
    this.access = access;
    this.self = self;
  }

  /** The configured device that has {@code address} on one of its interfaces, if any. */
  Optional<End> holding(String address) {
    for (Optional<End> end : asked.values()) {
      if (end.isPresent() && hasAddress(end.get(), address)) {
        return end;
      }
    }
    for (String device : access.devices()) {
      if (device.equals(self) || asked.containsKey(device)) {
        continue;
      }
      if (asked.size() >= MAX_DEVICES_ASKED) {
        notes.add(
            "looked for the other end of "
                + address
                + " on "
                + MAX_DEVICES_ASKED
                + " devices only; the mirror check needs it among them");
        return Optional.empty();
      }
      Optional<End> end = ask(device);
      asked.put(device, end);
      if (end.isPresent() && hasAddress(end.get(), address)) {
        return end;
      }
    }
    return Optional.empty();
  }

  private Optional<End> ask(String device) {
    DiagnosticCli cli;
    try {
      cli = access.open(device);
    } catch (CliException e) {
      LOG.debug("{}: not asked for the other end: {}", device, e.getMessage());
      return Optional.empty();
    }
    try {
      List<InterfaceStatus> interfaces =
          InterfacesParser.parse(cli.run(AllowedCommand.allInterfaces())).value();
      return Optional.of(new End(device, cli, interfaces));
    } catch (CliException | RuntimeException e) {
      cli.close();
      LOG.debug("{}: not asked for the other end: {}", device, e.getMessage());
      return Optional.empty();
    }
  }

  static boolean hasAddress(End end, String address) {
    return end.interfaces().stream()
        .anyMatch(i -> i.internetAddress().map(a -> hostOf(a).equals(address)).orElse(false));
  }

  /** The address of {@code A/length} or {@code A/port}: {@code 10.0.0.1/24} → {@code 10.0.0.1}. */
  static String hostOf(String prefix) {
    int slash = prefix.indexOf('/');
    return slash < 0 ? prefix : prefix.substring(0, slash);
  }

  List<String> notes() {
    return List.copyOf(notes);
  }

  @Override
  public void close() {
    asked.values().forEach(end -> end.ifPresent(e -> e.cli().close()));
  }
}
