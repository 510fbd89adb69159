package io.tunnelwatch.ios.parse;

import static io.tunnelwatch.ios.parse.CryptoSessionParser.isDigits;

import io.tunnelwatch.ios.model.AddressFamily;
import io.tunnelwatch.ios.model.Ikev2Sa;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Parses {@code show crypto ikev2 sa} and {@code show crypto ikev2 sa detailed}: IPv4 and IPv6
 * sections; the wide row ({@code Tunnel-id Local Remote fvrf/ivrf Status}) and the IPv6 narrow row
 * ({@code Tunnel-id fvrf/ivrf Status} with {@code Local X/port} and {@code Remote X/port} on lines
 * of their own); the indented field lines below a row ({@code Encr: ...}, {@code Life/Active Time},
 * {@code CE id / Session-id}, SPIs, detail ids and status description).
 */
public final class Ikev2SaParser {

  public static final String COMMAND = "show crypto ikev2 sa";

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final Pattern SECTION = Pattern.compile("(IPv4|IPv6) Crypto IKEv2 SA");
  private static final Pattern LIFE = Pattern.compile("Life/Active Time: (\\d+)/(\\d+) sec");
  private static final Pattern SPIS =
      Pattern.compile("Local spi: ([0-9A-Fa-f]+)(?: Remote spi: ([0-9A-Fa-f]+))?");
  private static final Pattern ENDPOINT = Pattern.compile("(Local|Remote) (\\S+)");

  /**
   * Detail lines that describe the SA's negotiation state but are not modelled; recognised so that
   * they do not turn into warnings.
   */
  private static final String[] KNOWN_DETAIL_PREFIXES = {
    "Local req msg id",
    "Local next msg id",
    "Local req queued",
    "Local window",
    "DPD configured",
    "Fragmentation",
    "Dynamic Route Update",
    "Extended Authentication",
    "NAT-T ",
    "Cisco Trust Security",
    "Quantum",
    "Local Sys Id",
    "PEER TYPE",
    "Pushed IP address",
    "IKEv2 Fragmentation",
    "Remote check point",
    "Local check point",
  };

  private Ikev2SaParser() {}

  /**
   * Parses every SA of both address families.
   *
   * @throws ParseException when the text is not ikev2-sa output
   */
  public static Parsed<List<Ikev2Sa>> parse(String output) {
    ParseContext ctx = new ParseContext(COMMAND);
    List<Line> lines = CliText.lines(COMMAND, output);
    if (lines.isEmpty()) {
      throw ctx.fail("empty output; IOS always prints the 'IPv4 Crypto IKEv2 SA' header");
    }
    return ctx.result(new Run(ctx).parse(lines));
  }

  private static final class Run {
    private final ParseContext ctx;
    private final List<Ikev2Sa> sas = new ArrayList<>();
    private AddressFamily family = AddressFamily.IPV4;
    private boolean recognised;
    private @Nullable Ikev2SaBuilder current;
    private boolean inRemoteSubnets;

    Run(ParseContext ctx) {
      this.ctx = ctx;
    }

    List<Ikev2Sa> parse(List<Line> lines) {
      for (Line line : lines) {
        // IOS pads some labels with two spaces ("IKEv2  SA", "msg id:  0"); one is enough to match.
        parseLine(line, WHITESPACE.matcher(line.text()).replaceAll(" "));
      }
      flush();
      if (!recognised) {
        throw ctx.fail(lines.get(0), "not 'show crypto ikev2 sa' output");
      }
      return sas;
    }

    private void parseLine(Line line, String text) {
      Matcher section = SECTION.matcher(text);
      if (section.matches()) {
        flush();
        recognised = true;
        family = section.group(1).equals("IPv6") ? AddressFamily.IPV6 : AddressFamily.IPV4;
      } else if (text.startsWith("Tunnel-id ")) {
        flush();
        recognised = true;
      } else if (isDigits(text.split(" ", 2)[0])) {
        row(line, text);
      } else if (current == null) {
        ctx.unrecognised(line);
      } else {
        field(current, line, text);
      }
    }

    /** {@code id local/port remote/port fvrf/ivrf status} or {@code id fvrf/ivrf status}. */
    private void row(Line line, String text) {
      String[] t = text.split(" ");
      if (t.length == 5 && t[1].contains("/") && t[2].contains("/") && t[3].contains("/")) {
        Ikev2SaBuilder started = start(line, t[3], t[4]);
        started.endpoint(line, true, t[1]);
        started.endpoint(line, false, t[2]);
      } else if (t.length == 3 && t[1].contains("/")) {
        start(line, t[1], t[2]);
      } else {
        ctx.unrecognised(line);
      }
    }

    private Ikev2SaBuilder start(Line line, String vrfs, String status) {
      flush();
      recognised = true;
      Ikev2SaBuilder started = new Ikev2SaBuilder(ctx, family, line, status);
      int slash = vrfs.indexOf('/');
      started.frontVrf = Optional.of(vrfs.substring(0, slash));
      started.insideVrf = Optional.of(vrfs.substring(slash + 1));
      current = started;
      return started;
    }

    private void field(Ikev2SaBuilder current, Line line, String text) {
      inRemoteSubnets = inRemoteSubnets && isSubnet(text);
      if (inRemoteSubnets) {
        return;
      }
      Matcher m;
      if (text.startsWith("Encr: ")) {
        current.encryption(line, text);
      } else if ((m = LIFE.matcher(text)).matches()) {
        current.lifetimeSeconds = ctx.number(m.group(1), line);
        current.activeSeconds = ctx.number(m.group(2), line);
      } else if (text.startsWith("CE id: ")) {
        current.sessionIds(line, text);
      } else if ((m = SPIS.matcher(text)).matches()) {
        current.localSpi = Optional.of(m.group(1));
        current.remoteSpi = Optional.ofNullable(m.group(2));
      } else if ((m = ENDPOINT.matcher(text)).matches() && m.group(2).contains("/")) {
        current.endpoint(line, m.group(1).equals("Local"), m.group(2));
      } else if (text.startsWith("Status Description: ")) {
        current.statusDescription = Optional.of(after(text));
      } else if (text.startsWith("Local id: ")) {
        current.localId = Optional.of(after(text));
      } else if (text.startsWith("Remote id: ")) {
        current.remoteId = Optional.of(after(text));
      } else if (text.startsWith("PQC Key Exchange: ")) {
        current.pqcKeyExchange = Optional.of(after(text));
      } else if (text.startsWith("Initiator of SA : ")) {
        current.initiator(line, after(text));
      } else if (text.equals("Remote subnets:")) {
        inRemoteSubnets = true;
      } else if (!isKnownDetail(text)) {
        ctx.unrecognised(line);
      }
    }

    private void flush() {
      Ikev2SaBuilder done = current;
      if (done != null) {
        Ikev2Sa sa = done.build();
        if (sa != null) {
          sas.add(sa);
        }
        current = null;
      }
      inRemoteSubnets = false;
    }
  }

  private static boolean isKnownDetail(String text) {
    for (String prefix : KNOWN_DETAIL_PREFIXES) {
      if (text.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /** {@code 10.0.0.0 255.0.0.0} or {@code 2001:db8::/64}. */
  private static boolean isSubnet(String text) {
    String[] t = text.split(" ");
    return (t.length == 2 || t.length == 1) && IsakmpSaParser.isAddress(t[0].split("/")[0]);
  }

  /** The value after the first {@code ": "}. */
  private static String after(String text) {
    int colon = text.indexOf(": ");
    return colon < 0 ? "" : text.substring(colon + 2).strip();
  }
}
