package io.tunnelwatch.ios.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.tunnelwatch.ios.model.IpsecSaFlow;
import io.tunnelwatch.ios.model.IpsecSaInterface;
import io.tunnelwatch.ios.model.ProxyIdent;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Property tests over generated input: whatever the text, a parser returns a sane value or throws
 * {@link ParseException}, and never anything else, and never hangs.
 *
 * <p>Inputs come from a {@link Random} seeded per test and parser, so a failure names its seed and
 * try and replays exactly; {@code -Dtunnelwatch.seed=N} explores other inputs. Plain JUnit rather
 * than a property-testing library: the one we tried asks in its runtime output not to be used by
 * automated agents, and we respect that.
 */
class ParserPropertiesIT {

  private static final long SEED = Long.getLong("tunnelwatch.seed", 20261128L);

  /** The five parsers, each with its real samples and some valid lines the samples lack. */
  enum Parser {
    CRYPTO_SESSION(
        CryptoSessionParser::parse,
        List.of("r1-crypto-session-detail.txt"),
        List.of(
            "Interface: Tunnel30",
            "Profile: IKEV2-PROF",
            "Peer: 2001:DB8::2 port 500 fvrf: (none) ivrf: (none)",
            "IKEv2 SA: local 2001:DB8::1/500 remote 2001:DB8::2/500 Active",
            "IKEv2 SA: local 2001:DB8:1:1:1:1:1:1/500",
            "remote 2001:DB8:2:2:2:2:2:2/500 Active",
            "IKEv1 SA: local 100.100.100.100/4500 remote 200.200.200.200/38452",
            "Inactive",
            "Capabilities:(none) connid:7 lifetime:00:00:01",
            "IPSEC FLOW: permit ipv6 host 2001:DB8::1 host 2001:DB8::2",
            "Active SAs: 4, origin: crypto map",
            "Inbound:  #pkts dec'ed 9223372036854775807 drop 0 life (KB/Sec) KB Vol Rekey Disabled/99",
            "Outbound: #pkts enc'ed 99999999999999999999 drop 0 life (KB/Sec) 0/0",
            "Session status: UP-NO-IKE",
            "Session ID: 12")),
    ISAKMP_SA(
        IsakmpSaParser::parse,
        List.of("r1-isakmp-sa.txt", "r1-isakmp-sa-detail.txt"),
        List.of(
            "2001:DB8::2",
            "      2001:DB8::1     QM_IDLE         1002 ACTIVE",
            "IPv6 Crypto ISAKMP SA",
            "dst: 2001:DB8::2",
            "src: 2001:DB8::1",
            "state: QM_IDLE         conn-id:   1003 status: ACTIVE",
            "1002  2001:DB8::1     2001:DB8::2   VRF1   ACTIVE aes  sha256 rsig 14 00:59:59 D",
            "200.0.0.1       100.0.0.1       MM_KEY_EXCH    99999999999999999999 ACTIVE")),
    IPSEC_SA(
        IpsecSaParser::parse,
        List.of("r1-ipsec-sa.txt"),
        List.of(
            "interface: Tunnel10",
            "Crypto map tag: Tunnel10-head-0, local addr 2001:DB8::1",
            "local  ident (addr/mask/prot/port): (2001:DB8::/64/0/0)",
            "remote ident (addr/mask/prot/port): (10.0.0.0/255.0.255.0/0/0)",
            "local crypto endpt.: 2001:DB8::1,",
            "remote crypto endpt.: 2001:DB8::2",
            "path mtu 1500, media mtu 1500",
            "#pkts encaps: 99999999999999999999, #pkts encrypt: 1, #pkts digest: 1",
            "slot: 0, conn id: 2076, flow_id: CSR:76, sibling_flags FFFFFFFF80000048, crypto map: M",
            "sa timing: remaining key lifetime (sec): 3599",
            "sa timing: remaining key lifetime (k/sec): (KB Vol Rekey Disabled/3599)",
            "Kilobyte Volume Rekey has been disabled",
            "No SAs found",
            "IPsecv6 policy name: OSPFv3-1-256")),
    INTERFACES(
        InterfacesParser::parse,
        List.of("r1-interfaces.txt"),
        List.of(
            "Tunnel99 is deleted, line protocol is down",
            "Loopback0 is up, line protocol is up ",
            "Description: to site B",
            "Internet address is 2001:DB8::1/64",
            "MTU 1514 bytes, BW 100000 Kbit/sec, DLY 100 usec,",
            "Tunnel source Loopback0, destination 2001:DB8::2",
            "Tunnel protocol/transport GRE/IPv6",
            "Input queue: 0/375/0/0 (size/max/drops/flushes); Total output drops: 99999999999999999999",
            "99999999999999999999 packets input, 1 bytes, 0 no buffer",
            "1 packets output, 99999999999999999999 bytes, 0 underruns")),
    PROCESSES_CPU(
        ProcessesCpuParser::parse,
        List.of("r1-cpu.txt"),
        List.of(
            "CPU utilization for five seconds: 100%; one minute: 0%; five minutes: 0%",
            "CPU utilization for five seconds: 101%/0%; one minute: 0%; five minutes: 0%",
            "Core 0: CPU utilization for five seconds: 2%, one minute: 3%, five minutes: 4%",
            "Core 1: CPU utilization for five seconds: 2%; one minute: 3%; five minutes: 4%",
            "Core 99999999999: CPU utilization for five seconds: 2%; one minute: 3%; five minutes: 4%",
            " PID Runtime(ms)     Invoked      uSecs   5Sec   1Min   5Min TTY Process ",
            "   1           0           3          0  0.00%  0.00%  0.00%   0 Chunk Manager    ",
            "This command only shows processes from the IOSd",
            "Please use 'show processes cpu platform' to show processes from"));

    final Function<String, Parsed<?>> parse;
    final List<String> samples;

    /** Distinct non-blank lines of the samples plus the extra lines, for random interleavings. */
    final List<String> validLines;

    Parser(Function<String, Parsed<?>> parse, List<String> sampleNames, List<String> extraLines) {
      this.parse = parse;
      this.samples = sampleNames.stream().map(Samples::read).toList();
      Set<String> lines = new LinkedHashSet<>();
      samples.forEach(s -> s.lines().filter(l -> !l.isBlank()).forEach(lines::add));
      lines.addAll(extraLines);
      this.validLines = List.copyOf(lines);
    }
  }

  // (a) random text

  @ParameterizedTest
  @EnumSource(Parser.class)
  void randomTextIsHandled(Parser parser) {
    Random random = random(parser, 1);
    List<String> vocabulary = vocabulary();
    for (int i = 0; i < 300; i++) {
      String text =
          switch (random.nextInt(3)) {
            case 0 -> printableText(random, 2_000);
            case 1 -> anyChars(random, 500);
            default -> words(random, vocabulary, 300);
          };
      assertSane(parser, text, i);
    }
  }

  private static String printableText(Random random, int maxLength) {
    String extra = "\n\r\t";
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(maxLength + 1);
    for (int i = 0; i < length; i++) {
      int pick = random.nextInt(95 + extra.length());
      text.append(pick < 95 ? (char) (' ' + pick) : extra.charAt(pick - 95));
    }
    return text.toString();
  }

  /** Any UTF-16 code unit, including lone surrogates and control characters. */
  private static String anyChars(Random random, int maxLength) {
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(maxLength + 1);
    for (int i = 0; i < length; i++) {
      text.append((char) random.nextInt(Character.MAX_VALUE + 1));
    }
    return text.toString();
  }

  /** Words of the commands' vocabulary, so that more of each parser is reached. */
  private static String words(Random random, List<String> vocabulary, int maxWords) {
    return IntStream.range(0, random.nextInt(maxWords + 1))
        .mapToObj(i -> vocabulary.get(random.nextInt(vocabulary.size())))
        .collect(Collectors.joining());
  }

  private static List<String> vocabulary() {
    Set<String> words = new LinkedHashSet<>(List.of(" ", "  ", "\n", "\r\n", "\r", "\t", "%"));
    for (Parser parser : Parser.values()) {
      for (String line : parser.validLines) {
        words.addAll(Arrays.asList(line.strip().split("\\s+")));
      }
    }
    return List.copyOf(words);
  }

  // (b) truncated samples

  @ParameterizedTest
  @EnumSource(Parser.class)
  void truncatedSamplesAreHandled(Parser parser) {
    for (String sample : parser.samples) {
      // every cut point of the real samples: they are a few kB each
      for (int cut = 0; cut <= sample.length(); cut++) {
        assertSane(parser, sample.substring(0, cut), cut);
      }
    }
  }

  // (c) mutated samples

  /** One edit of a sample; positions are taken modulo the current length. */
  record Edit(Kind kind, int position, char c) {
    enum Kind {
      DELETE_LINE,
      DUPLICATE_LINE,
      REPLACE_CHAR,
      INSERT_CHAR,
      DELETE_CHAR
    }

    static Edit random(Random random) {
      Kind[] kinds = Kind.values();
      return new Edit(
          kinds[random.nextInt(kinds.length)], random.nextInt(Integer.MAX_VALUE), editChar(random));
    }

    /** Mostly printable, often the characters IOS output is built of, sometimes anything. */
    private static char editChar(Random random) {
      int roll = random.nextInt(9);
      if (roll < 6) {
        return (char) (' ' + random.nextInt(95));
      }
      if (roll < 8) {
        String significant = "09/:(),%\n";
        return significant.charAt(random.nextInt(significant.length()));
      }
      return (char) random.nextInt(Character.MAX_VALUE + 1);
    }

    String applyTo(String text) {
      if (kind == Kind.DELETE_LINE || kind == Kind.DUPLICATE_LINE) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        int i = position % lines.size();
        if (kind == Kind.DELETE_LINE) {
          lines.remove(i);
        } else {
          lines.add(i, lines.get(i));
        }
        return String.join("\n", lines);
      }
      if (text.isEmpty()) {
        return kind == Kind.INSERT_CHAR ? String.valueOf(c) : text;
      }
      int i = position % text.length();
      return switch (kind) {
        case REPLACE_CHAR -> text.substring(0, i) + c + text.substring(i + 1);
        case INSERT_CHAR -> text.substring(0, i) + c + text.substring(i);
        default -> text.substring(0, i) + text.substring(i + 1);
      };
    }
  }

  @ParameterizedTest
  @EnumSource(Parser.class)
  void mutatedSamplesAreHandled(Parser parser) {
    Random random = random(parser, 3);
    int returned = 0;
    for (int i = 0; i < 400; i++) {
      String text = parser.samples.get(random.nextInt(parser.samples.size()));
      int edits = random.nextInt(21);
      for (int e = 0; e < edits; e++) {
        text = Edit.random(random).applyTo(text);
      }
      returned += assertSane(parser, text, i) ? 1 : 0;
    }
    assertReturnedSometimes(parser, returned);
  }

  // (d) random interleavings of valid lines

  @ParameterizedTest
  @EnumSource(Parser.class)
  void interleavedValidLinesAreHandled(Parser parser) {
    Random random = random(parser, 4);
    int returned = 0;
    for (int i = 0; i < 400; i++) {
      String separator = random.nextBoolean() ? "\r\n" : "\n";
      String text =
          IntStream.range(0, random.nextInt(81))
              .mapToObj(k -> parser.validLines.get(random.nextInt(parser.validLines.size())))
              .collect(Collectors.joining(separator));
      returned += assertSane(parser, text, i) ? 1 : 0;
    }
    assertReturnedSometimes(parser, returned);
  }

  /**
   * Guards the generators: a property whose inputs were always rejected would check nothing past
   * the parsers' first lines.
   */
  private static void assertReturnedSometimes(Parser parser, int returned) {
    assertThat(returned).as(parser + " returned a value for some generated inputs").isPositive();
  }

  // round trip of generated ipsec-sa output

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3})
  void generatedIpsecSaRoundTrips(int interfaceCount) {
    Random random = new Random(SEED * 31 + interfaceCount);
    for (int attempt = 0; attempt < 70; attempt++) {
      List<IpsecSaOutputs.Flow> flows = flows(random);
      List<IpsecSaOutputs.Interface> interfaces = new ArrayList<>();
      for (int k = 0; k < interfaceCount; k++) {
        int from = flows.size() * k / interfaceCount;
        int to = flows.size() * (k + 1) / interfaceCount;
        interfaces.add(
            new IpsecSaOutputs.Interface(
                "Tunnel" + k, "100.0.0." + (k + 1), flows.subList(from, to)));
      }
      String text = IpsecSaOutputs.render(interfaces);

      Parsed<List<IpsecSaInterface>> parsed =
          assertTimeoutPreemptively(Duration.ofSeconds(2), () -> IpsecSaParser.parse(text));

      assertThat(parsed.warnings()).as("seed %d attempt %d", SEED, attempt).isEmpty();
      assertThat(parsed.value()).hasSize(interfaceCount);
      List<IpsecSaFlow> got = parsed.value().stream().flatMap(i -> i.flows().stream()).toList();
      assertThat(got).hasSize(flows.size());
      for (int i = 0; i < flows.size(); i++) {
        assertFlowEquals(flows.get(i), got.get(i));
      }
    }
  }

  private static void assertFlowEquals(IpsecSaOutputs.Flow want, IpsecSaFlow flow) {
    assertThat(flow.localIdent().map(ProxyIdent::address)).contains(want.local());
    assertThat(flow.remoteIdent().map(ProxyIdent::address)).contains(want.remote());
    assertThat(flow.peer()).contains(want.remote());
    assertThat(flow.pktsEncaps()).hasValue(want.encaps());
    assertThat(flow.pktsEncrypt()).hasValue(want.encrypt());
    assertThat(flow.pktsDigest()).hasValue(want.digest());
    assertThat(flow.pktsDecaps()).hasValue(want.decaps());
    assertThat(flow.pktsDecrypt()).hasValue(want.decrypt());
    assertThat(flow.pktsVerify()).hasValue(want.verify());
    assertThat(flow.sendErrors()).hasValue(want.sendErrors());
    assertThat(flow.recvErrors()).hasValue(want.recvErrors());
    assertThat(flow.sas()).hasSize(2);
  }

  private static List<IpsecSaOutputs.Flow> flows(Random random) {
    List<IpsecSaOutputs.Flow> flows = new ArrayList<>();
    int count = random.nextInt(41);
    for (int i = 0; i < count; i++) {
      boolean ipv6 = random.nextInt(3) == 0;
      long[] c = new long[8];
      for (int k = 0; k < c.length; k++) {
        c[k] = counter(random);
      }
      flows.add(
          new IpsecSaOutputs.Flow(
              address(random, ipv6),
              address(random, ipv6),
              c[0],
              c[1],
              c[2],
              c[3],
              c[4],
              c[5],
              c[6],
              c[7]));
    }
    return flows;
  }

  /** Half uniform, half the edges where 32-bit and 64-bit readings go wrong. */
  private static long counter(Random random) {
    long[] edges = {0L, 1L, 4_294_967_295L, 4_294_967_296L, Long.MAX_VALUE / 2};
    return random.nextBoolean()
        ? edges[random.nextInt(edges.length)]
        : random.nextLong(Long.MAX_VALUE / 2 + 1);
  }

  private static String address(Random random, boolean ipv6) {
    if (ipv6) {
      return IntStream.range(0, 8)
          .mapToObj(i -> Integer.toHexString(random.nextInt(0x10000)).toUpperCase(Locale.ROOT))
          .collect(Collectors.joining(":"));
    }
    return IntStream.range(0, 4)
        .mapToObj(i -> String.valueOf(random.nextInt(256)))
        .collect(Collectors.joining("."));
  }

  private static Random random(Parser parser, int property) {
    return new Random(SEED * 31 * 31 + property * 31L + parser.ordinal());
  }

  // the shared check

  /** What one call did: returned a value or threw. */
  private record Outcome(Parsed<?> parsed, Throwable thrown) {}

  /** Returns whether the parser returned a value (rather than throwing its own exception). */
  private static boolean assertSane(Parser parser, String text, int attempt) {
    Outcome outcome =
        assertTimeoutPreemptively(
            Duration.ofSeconds(2),
            () -> {
              try {
                return new Outcome(parser.parse.apply(text), null);
              } catch (Throwable t) {
                return new Outcome(null, t);
              }
            },
            () -> parser + " did not finish within 2 s (seed " + SEED + ", try " + attempt + ")");
    if (outcome.thrown() != null) {
      if (!(outcome.thrown() instanceof ParseException e)) {
        throw new AssertionError(
            parser
                + " threw "
                + outcome.thrown()
                + " (seed "
                + SEED
                + ", try "
                + attempt
                + ") on "
                + quote(text),
            outcome.thrown());
      }
      assertThat(e.command()).isNotBlank();
      assertThat(e.lineNumber()).isNotNegative();
      return false;
    }
    Parsed<?> parsed = outcome.parsed();
    assertThat(parsed).isNotNull();
    assertThat(parsed.warnings()).isNotNull().doesNotContainNull();
    for (ParseWarning warning : parsed.warnings()) {
      assertThat(warning.lineNumber()).isNotNegative();
    }
    checkValue(parser + " value", parsed.value(), text);
    return true;
  }

  /**
   * Walks records, lists and optionals: no null anywhere, every number (counters, ids, ports,
   * percentages, lifetimes) non-negative.
   */
  private static void checkValue(String path, Object value, String text) {
    if (value == null) {
      throw new AssertionError(path + " is null, input " + quote(text));
    }
    if (value instanceof Number n) {
      if (n.longValue() < 0) {
        throw new AssertionError(path + " = " + n + " < 0, input " + quote(text));
      }
    } else if (value instanceof OptionalLong o) {
      if (o.isPresent()) {
        checkValue(path, o.getAsLong(), text);
      }
    } else if (value instanceof OptionalInt o) {
      if (o.isPresent()) {
        checkValue(path, o.getAsInt(), text);
      }
    } else if (value instanceof Optional<?> o) {
      o.ifPresent(v -> checkValue(path, v, text));
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        checkValue(path + "[" + i + "]", list.get(i), text);
      }
    } else if (value instanceof Record record) {
      for (RecordComponent component : record.getClass().getRecordComponents()) {
        Object field;
        try {
          field = component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
          throw new AssertionError(e);
        }
        checkValue(path + "." + component.getName(), field, text);
      }
    }
  }

  private static String quote(String text) {
    String shown = text.length() > 2_000 ? text.substring(0, 2_000) + "..." : text;
    return "'" + shown.replace("\r", "\\r").replace("\n", "\\n") + "'";
  }
}
