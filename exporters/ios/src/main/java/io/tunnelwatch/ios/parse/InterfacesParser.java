package io.tunnelwatch.ios.parse;

import io.tunnelwatch.ios.model.InterfaceStatistics;
import io.tunnelwatch.ios.model.InterfaceStatus;
import io.tunnelwatch.ios.model.TunnelSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code show interfaces [X]}: status, addresses, tunnel settings and the counters a tunnel
 * monitor needs. The many hardware-specific lines (duplex, media, carrier, LAPB, ...) are known and
 * skipped without a warning; lines not on that list are warned about.
 */
public final class InterfacesParser {

  public static final String COMMAND = "show interfaces";

  private static final Pattern HEADER =
      Pattern.compile("(\\S+) is ([^,]+), line protocol is (\\w+)(.*)");
  private static final Pattern INTERNET = Pattern.compile("Internet address is (\\S+)");
  private static final Pattern MTU = Pattern.compile("MTU (\\d+) bytes(?:,.*)?");
  private static final Pattern SOURCE =
      Pattern.compile("Tunnel source (\\S+?)(?: \\(([^)]+)\\))?(?:, destination (\\S+))?");
  private static final Pattern TRANSPORT = Pattern.compile("Tunnel protocol/transport (\\S+).*");
  private static final Pattern PROTECTION =
      Pattern.compile("Tunnel protection via IPSec \\(profile \"([^\"]*)\"\\).*");
  private static final Pattern TRANSPORT_MTU = Pattern.compile("Tunnel transport MTU (\\d+) bytes");
  private static final Pattern INPUT_QUEUE =
      Pattern.compile(
          "Input queue: (\\d+)/(\\d+)/(\\d+)/(\\d+) \\(size/max/drops/flushes\\);"
              + " Total output drops: (\\d+)");
  private static final Pattern PACKETS =
      Pattern.compile("(\\d+) packets (input|output), (\\d+) bytes(?:,.*)?");
  private static final Pattern ERRORS = Pattern.compile("(\\d+) (input|output) errors(?:,.*)?");

  /**
   * Line starts that carry nothing tunnelwatch models; they are skipped silently because every
   * interface type prints some of them and warning on each would bury real problems.
   */
  private static final String[] KNOWN_IGNORED = {
    "Hardware is",
    "reliability ",
    "Encapsulation ",
    "Keepalive",
    "ARP type",
    "Last input",
    "Last clearing",
    "Queueing strategy",
    "Output queue",
    "Received ",
    "Output ",
    "Fec is",
    "Auto-duplex",
    "Auto Duplex",
    "Full-duplex",
    "Full Duplex",
    "Half-duplex",
    "Half Duplex",
    "Unknown, Unknown",
    "input flow-control",
    "output flow-control",
    "Carrier delay",
    "Members in this",
    "Interface is unnumbered",
    "Tunnel",
    "Key ",
    "Checksumming",
    "Set of tunnels",
    "src-track",
    "Conversations",
    "Reserved Conversations",
    "Available Bandwidth",
    "Available bandwidth",
    "LAPB ",
    "VS ",
    "VR ",
    "IFRAMEs",
    "RESTARTs",
    "Queues:",
    "X.25 ",
    "Defaults:",
    "Timers:",
    "T1 ",
    "Channels:",
    "RTS ",
    "DCD ",
    "input/output window",
    "cisco encapsulation",
    "Listen:",
    "Last state change",
    "Secondary address",
    "Link is",
    "Transceiver",
    "Media-type",
    "media type",
    "ARP Timeout",
    "Loopback not set",
    "loopback not set",
    "Vlan ID",
    "Port-channel",
    "No. of",
    "Last link flapped",
    "Docker",
    "Timeslot",
    "BW ",
    "Interface ",
    "Time since",
    "Ethernet",
    "Small packet",
  };

  /** Counter lines: a number first, then words such as {@code runts} or {@code babbles}. */
  private static final Pattern COUNTER_LINE = Pattern.compile("\\d+ [a-zA-Z].*");

  private static final Pattern RATE =
      Pattern.compile("\\d+ (?:minute|second) (?:input|output) rate .*");

  private InterfacesParser() {}

  /**
   * Parses every interface in the output.
   *
   * @throws ParseException when the output is empty or has no interface header line
   */
  public static Parsed<List<InterfaceStatus>> parse(String output) {
    ParseContext ctx = new ParseContext(COMMAND);
    List<Line> lines = CliText.lines(COMMAND, output);
    if (lines.isEmpty()) {
      throw ctx.fail("empty output; IOS always prints at least one interface");
    }
    List<InterfaceStatus> result = new ArrayList<>();
    Builder current = null;
    for (Line line : lines) {
      Matcher header = HEADER.matcher(line.text());
      if (header.matches()) {
        if (current != null) {
          result.add(current.build());
        }
        current = new Builder(header.group(1), header.group(2).strip(), header.group(3));
      } else if (current == null) {
        ctx.warn(line, "line before any interface header, skipped");
      } else {
        current.line(ctx, line);
      }
    }
    if (current == null) {
      throw ctx.fail(
          lines.get(0), "no 'X is up, line protocol is up' header: not 'show interfaces' output");
    }
    result.add(current.build());
    return ctx.result(result);
  }

  private static final class Builder {
    final String name;
    final String status;
    final String lineProtocol;
    Optional<String> description = Optional.empty();
    Optional<String> internetAddress = Optional.empty();
    OptionalInt mtu = OptionalInt.empty();
    boolean tunnel;
    Optional<String> sourceAddress = Optional.empty();
    Optional<String> sourceInterface = Optional.empty();
    Optional<String> destination = Optional.empty();
    Optional<String> transport = Optional.empty();
    Optional<String> protectionProfile = Optional.empty();
    OptionalInt transportMtu = OptionalInt.empty();
    OptionalLong inputPackets = OptionalLong.empty();
    OptionalLong inputBytes = OptionalLong.empty();
    OptionalLong inputErrors = OptionalLong.empty();
    OptionalLong outputPackets = OptionalLong.empty();
    OptionalLong outputBytes = OptionalLong.empty();
    OptionalLong outputErrors = OptionalLong.empty();
    OptionalLong inputQueueDrops = OptionalLong.empty();
    OptionalLong inputQueueFlushes = OptionalLong.empty();
    OptionalLong totalOutputDrops = OptionalLong.empty();

    Builder(String name, String status, String lineProtocol) {
      this.name = name;
      this.status = status;
      this.lineProtocol = lineProtocol;
    }

    void line(ParseContext ctx, Line line) {
      String text = line.text();
      Matcher m;
      if (text.startsWith("Description: ")) {
        description = Optional.of(text.substring("Description: ".length()).strip());
      } else if ((m = INTERNET.matcher(text)).matches()) {
        internetAddress = Optional.of(m.group(1));
      } else if ((m = MTU.matcher(text)).matches()) {
        mtu = ctx.smallNumber(m.group(1), line);
      } else if ((m = PACKETS.matcher(text)).matches()) {
        OptionalLong packets = ctx.number(m.group(1), line);
        OptionalLong bytes = ctx.number(m.group(3), line);
        if (m.group(2).equals("input")) {
          inputPackets = packets;
          inputBytes = bytes;
        } else {
          outputPackets = packets;
          outputBytes = bytes;
        }
      } else if ((m = ERRORS.matcher(text)).matches()) {
        OptionalLong errors = ctx.number(m.group(1), line);
        if (m.group(2).equals("input")) {
          inputErrors = errors;
        } else {
          outputErrors = errors;
        }
      } else if ((m = INPUT_QUEUE.matcher(text)).matches()) {
        inputQueueDrops = ctx.number(m.group(3), line);
        inputQueueFlushes = ctx.number(m.group(4), line);
        totalOutputDrops = ctx.number(m.group(5), line);
      } else if (text.startsWith("Tunnel ")) {
        tunnelLine(ctx, line, text);
      } else if (text.startsWith("Input queue:")
          || text.contains("packets input")
          || text.contains("packets output")) {
        ctx.warn(line, "malformed counter line, counters left empty");
      } else if (!isKnownIgnored(text)) {
        ctx.unrecognised(line);
      }
    }

    private void tunnelLine(ParseContext ctx, Line line, String text) {
      Matcher m;
      if ((m = SOURCE.matcher(text)).matches()) {
        tunnel = true;
        sourceAddress = Optional.of(m.group(1));
        sourceInterface = Optional.ofNullable(m.group(2));
        destination = Optional.ofNullable(m.group(3));
      } else if ((m = TRANSPORT.matcher(text)).matches()) {
        tunnel = true;
        transport = Optional.of(m.group(1));
      } else if ((m = PROTECTION.matcher(text)).matches()) {
        tunnel = true;
        protectionProfile = Optional.of(m.group(1));
      } else if ((m = TRANSPORT_MTU.matcher(text)).matches()) {
        tunnel = true;
        transportMtu = ctx.smallNumber(m.group(1), line);
      } else if (text.startsWith("Tunnel source") || text.startsWith("Tunnel protocol")) {
        ctx.warn(line, "malformed tunnel setting");
      } else {
        tunnel = true; // TTL, bandwidths, linestate: tunnel facts tunnelwatch does not export
      }
    }

    private static boolean isKnownIgnored(String text) {
      for (String prefix : KNOWN_IGNORED) {
        if (text.startsWith(prefix)) {
          return true;
        }
      }
      return COUNTER_LINE.matcher(text).matches() || RATE.matcher(text).matches();
    }

    InterfaceStatus build() {
      Optional<TunnelSettings> settings =
          tunnel
              ? Optional.of(
                  new TunnelSettings(
                      sourceAddress,
                      sourceInterface,
                      destination,
                      transport,
                      protectionProfile,
                      transportMtu))
              : Optional.empty();
      return new InterfaceStatus(
          name,
          status,
          lineProtocol,
          description,
          internetAddress,
          mtu,
          settings,
          new InterfaceStatistics(
              inputPackets,
              inputBytes,
              inputErrors,
              outputPackets,
              outputBytes,
              outputErrors,
              inputQueueDrops,
              inputQueueFlushes,
              totalOutputDrops));
    }
  }
}
