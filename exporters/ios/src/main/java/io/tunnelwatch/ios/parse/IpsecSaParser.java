package io.tunnelwatch.ios.parse;

import static io.tunnelwatch.ios.parse.CryptoSessionParser.isDigits;

import io.tunnelwatch.ios.model.IpsecSaInterface;
import io.tunnelwatch.ios.model.ProxyIdent;
import io.tunnelwatch.ios.model.SaDirection;
import io.tunnelwatch.ios.model.SaProtocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Parses {@code show crypto ipsec sa} in its classic IOS and IOS-XE forms, including the {@code
 * detail}, {@code interface} and {@code peer} variants.
 */
public final class IpsecSaParser {

  public static final String COMMAND = "show crypto ipsec sa";

  private static final Pattern CRYPTO_MAP =
      Pattern.compile("Crypto map tag: ([^,]+), local addr (\\S+)");
  private static final Pattern IDENT =
      Pattern.compile(
          "(local|remote) +ident \\(addr/mask/prot/port\\): \\(([^/()]+)/([^/()]+)/(\\d+)/(\\d+)\\)");
  private static final Pattern PEER = Pattern.compile("current_peer (\\S+) port (\\d+)");
  private static final Pattern ENCAPS =
      Pattern.compile("#pkts encaps: (\\d+), #pkts encrypt: (\\d+), #pkts digest: (\\d+)");
  private static final Pattern DECAPS =
      Pattern.compile("#pkts decaps: (\\d+), #pkts decrypt: (\\d+), #pkts verify: (\\d+)");
  private static final Pattern ERRORS = Pattern.compile("#send errors (\\d+), #recv errors (\\d+)");
  private static final Pattern ENDPOINTS =
      Pattern.compile("local crypto endpt\\.: ([^,]+),(?: remote crypto endpt\\.: (\\S+))?");
  private static final Pattern MTU =
      Pattern.compile(
          "(?:plaintext mtu (\\d+), )?path mtu (\\d+), (?:ip|ipv6|media) mtu (\\d+)"
              + "(?:, (?:ip|ipv6) mtu idb (\\S+))?");
  private static final Pattern SPI = Pattern.compile("(0x[0-9A-Fa-f]+)(?:\\((\\d+)\\))?");
  private static final Pattern PFS = Pattern.compile("PFS \\(Y/N\\): (\\S+), DH group: (\\S+)");
  private static final Pattern SECTION = Pattern.compile("(inbound|outbound) (esp|ah|pcp) sas:");

  private IpsecSaParser() {}

  /**
   * Parses every interface block. Empty output (no crypto map or tunnel protection anywhere) gives
   * an empty list.
   *
   * @throws ParseException when the text is not ipsec-sa output
   */
  public static Parsed<List<IpsecSaInterface>> parse(String output) {
    ParseContext ctx = new ParseContext(COMMAND);
    List<Line> lines = CliText.lines(COMMAND, output);
    return ctx.result(new Run(ctx).parse(lines));
  }

  private static final class Run {
    private final ParseContext ctx;
    private final List<IpsecSaInterface> interfaces = new ArrayList<>();
    private boolean recognised;
    private @Nullable IpsecSaInterfaceBuilder iface;
    private @Nullable IpsecSaFlowBuilder flow;
    private @Nullable SaDirection direction;
    private @Nullable SaProtocol protocol;
    private @Nullable IpsecSaBuilder sa;

    Run(ParseContext ctx) {
      this.ctx = ctx;
    }

    List<IpsecSaInterface> parse(List<Line> lines) {
      for (Line line : lines) {
        parseLine(line);
      }
      finishInterface();
      if (!lines.isEmpty() && !recognised) {
        throw ctx.fail(lines.get(0), "not 'show crypto ipsec sa' output");
      }
      return interfaces;
    }

    private void parseLine(Line line) {
      String text = line.text();
      if (text.regionMatches(true, 0, "interface: ", 0, 11)) {
        finishInterface();
        recognised = true;
        iface = new IpsecSaInterfaceBuilder(text.substring(11).strip());
        return;
      }
      if (text.startsWith("No ") && text.toLowerCase(Locale.ROOT).contains("sa")) {
        // "No SAs found" style notices are a valid, empty answer.
        recognised = true;
        return;
      }
      IpsecSaInterfaceBuilder iface = this.iface;
      if (iface == null) {
        ctx.warn(line, "line before any 'interface:' line, skipped");
        return;
      }
      Matcher m;
      if ((m = CRYPTO_MAP.matcher(text)).matches()) {
        iface.cryptoMapTag = Optional.of(m.group(1).strip());
        iface.localAddress = Optional.of(m.group(2));
      } else if (text.startsWith("protected vrf:")) {
        IpsecSaFlowBuilder started = startFlow(iface);
        started.protectedVrf = Optional.of(text.substring("protected vrf:".length()).strip());
      } else if ((m = IDENT.matcher(text)).matches()) {
        ident(iface, line, m);
      } else if (text.startsWith("IPsecv6 policy name:")) {
        // names the IPv6 policy (OSPFv3 authentication); nothing to monitor
        return;
      } else if (flow == null) {
        ctx.warn(line, "line outside a proxy-identity block, skipped");
      } else if (sa != null && IpsecSaLines.read(ctx, sa, line, text)) {
        return;
      } else {
        flowLine(flow, line, text);
      }
    }

    private void ident(IpsecSaInterfaceBuilder iface, Line line, Matcher m) {
      boolean local = m.group(1).equals("local");
      IpsecSaFlowBuilder flow = this.flow;
      if (flow == null || (local && flow.localIdent.isPresent())) {
        flow = startFlow(iface);
      }
      Optional<ProxyIdent> ident = proxyIdent(line, m);
      if (local) {
        flow.localIdent = ident;
      } else {
        flow.remoteIdent = ident;
      }
    }

    private Optional<ProxyIdent> proxyIdent(Line line, Matcher m) {
      String address = m.group(2);
      String mask = m.group(3);
      int prefix = prefixLength(mask);
      OptionalInt protocol = ctx.smallNumber(m.group(4), line);
      OptionalInt port = ctx.smallNumber(m.group(5), line);
      if (prefix < 0 || protocol.isEmpty() || port.isEmpty()) {
        ctx.warn(line, "unusable proxy identity");
        return Optional.empty();
      }
      return Optional.of(
          new ProxyIdent(address, mask, prefix, protocol.getAsInt(), port.getAsInt()));
    }

    private void flowLine(IpsecSaFlowBuilder flow, Line line, String text) {
      Matcher m;
      if ((m = PEER.matcher(text)).matches()) {
        flow.peer = Optional.of(m.group(1));
        flow.peerPort = ctx.smallNumber(m.group(2), line);
      } else if (text.startsWith("PERMIT") || text.startsWith("DENY")) {
        return; // the flow's ACL flags; not monitored
      } else if ((m = ENCAPS.matcher(text)).matches()) {
        flow.encaps = ctx.number(m.group(1), line);
        flow.encrypt = ctx.number(m.group(2), line);
        flow.digest = ctx.number(m.group(3), line);
      } else if ((m = DECAPS.matcher(text)).matches()) {
        flow.decaps = ctx.number(m.group(1), line);
        flow.decrypt = ctx.number(m.group(2), line);
        flow.verify = ctx.number(m.group(3), line);
      } else if ((m = ERRORS.matcher(text)).matches()) {
        flow.sendErrors = ctx.number(m.group(1), line);
        flow.recvErrors = ctx.number(m.group(2), line);
      } else if (text.startsWith("#pkts encaps:")
          || text.startsWith("#pkts decaps:")
          || text.startsWith("#send errors")) {
        ctx.warn(line, "malformed counter line, counters left empty");
      } else if (text.startsWith("#pkts ") || text.startsWith("##pkts ")) {
        return; // compression and detail error breakdowns; not in the model
      } else if ((m = ENDPOINTS.matcher(text)).matches()) {
        flow.localEndpoint = Optional.of(m.group(1).strip());
        flow.remoteEndpoint = Optional.ofNullable(m.group(2));
      } else if (text.startsWith("remote crypto endpt.:")) {
        // IPv6 endpoints wrap the remote half onto its own line
        flow.remoteEndpoint = Optional.of(text.substring("remote crypto endpt.:".length()).strip());
      } else if ((m = MTU.matcher(text)).matches()) {
        flow.plaintextMtu =
            m.group(1) == null ? OptionalInt.empty() : ctx.smallNumber(m.group(1), line);
        flow.pathMtu = ctx.smallNumber(m.group(2), line);
        flow.ipMtu = ctx.smallNumber(m.group(3), line);
        flow.mtuInterface = Optional.ofNullable(m.group(4));
      } else if (text.startsWith("current outbound spi:")) {
        Optional<String> spi = spi(text.substring("current outbound spi:".length()).strip());
        if (spi.isEmpty()) {
          ctx.warn(line, "malformed SPI");
        }
        flow.currentOutboundSpi = spi;
      } else if ((m = PFS.matcher(text)).matches()) {
        flow.pfs = Optional.of(m.group(1));
        flow.dhGroup = Optional.of(m.group(2));
      } else if ((m = SECTION.matcher(text)).matches()) {
        finishSa(flow);
        direction = m.group(1).equals("inbound") ? SaDirection.INBOUND : SaDirection.OUTBOUND;
        protocol = SaProtocol.valueOf(m.group(2).toUpperCase(Locale.ROOT));
      } else if (text.startsWith("spi: ")) {
        startSa(flow, line, text);
      } else {
        ctx.unrecognised(line);
      }
    }

    private void startSa(IpsecSaFlowBuilder flow, Line line, String text) {
      finishSa(flow);
      SaDirection direction = this.direction;
      SaProtocol protocol = this.protocol;
      // a SECTION line always sets both
      if (direction == null || protocol == null) {
        ctx.warn(line, "spi line outside an SA section, skipped");
        return;
      }
      Optional<String> spi = spi(text.substring("spi:".length()).strip());
      if (spi.isEmpty()) {
        ctx.warn(line, "malformed SPI, SA skipped");
        return;
      }
      sa = new IpsecSaBuilder(direction, protocol, spi.get());
    }

    private IpsecSaFlowBuilder startFlow(IpsecSaInterfaceBuilder iface) {
      finishFlow(iface);
      IpsecSaFlowBuilder started = new IpsecSaFlowBuilder();
      flow = started;
      return started;
    }

    /** Adds the open SA, if any, to its flow (an SA is only ever opened inside a flow). */
    private void finishSa(IpsecSaFlowBuilder flow) {
      IpsecSaBuilder done = sa;
      if (done != null) {
        flow.sas.add(done.build());
        sa = null;
      }
    }

    /** Adds the open flow, if any, to its interface (a flow is only ever opened inside one). */
    private void finishFlow(IpsecSaInterfaceBuilder iface) {
      IpsecSaFlowBuilder done = flow;
      direction = null;
      protocol = null;
      if (done != null) {
        finishSa(done);
        iface.flows.add(done.build());
        flow = null;
      }
    }

    private void finishInterface() {
      IpsecSaInterfaceBuilder done = iface;
      if (done != null) {
        finishFlow(done);
        interfaces.add(done.build());
        iface = null;
      }
    }
  }

  /** {@code 0x658F7C11(1703902225)} → {@code 0x658F7C11}. */
  private static Optional<String> spi(String text) {
    Matcher m = SPI.matcher(text);
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** Prefix length of a dotted mask, or the mask itself when IOS prints a length (IPv6). */
  static int prefixLength(String mask) {
    if (isDigits(mask)) {
      long value = Durations.digits(mask, 0, mask.length());
      return value <= 128 ? (int) value : -1;
    }
    String[] octets = mask.split("\\.");
    if (octets.length != 4) {
      return -1;
    }
    long bits = 0;
    for (String octet : octets) {
      long value = Durations.digits(octet, 0, octet.length());
      if (value < 0 || value > 255) {
        return -1;
      }
      bits = (bits << 8) | value;
    }
    int length = Long.bitCount(bits);
    // a non-contiguous mask has no prefix length
    long expected = length == 0 ? 0 : (0xFFFFFFFFL << (32 - length)) & 0xFFFFFFFFL;
    return bits == expected ? length : -1;
  }
}
