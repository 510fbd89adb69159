package io.tunnelwatch.lab.sim;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds any topology of simulated routers joined by IPsec-protected GRE tunnels, all configured as
 * in the design document (one ISAKMP policy, PSK, transform set, a crypto map on the uplink). The
 * reference topology and the scale lab are both made with it. Not thread-safe; use once.
 */
public final class TopologyBuilder {
  public static final String PRE_SHARED_KEY = "unnets@123";

  private static final IsakmpPolicy POLICY =
      new IsakmpPolicy(10, "aes", 256, "sha", "psk", 2, Duration.ofDays(1));
  private static final Duration IPSEC_LIFETIME = Duration.ofHours(1);
  private static final long IPSEC_LIFETIME_KB = 4_608_000;

  private final Clock clock;
  private final Map<String, Draft> routers = new LinkedHashMap<>();
  private final List<TunnelLink> links = new ArrayList<>();

  /** A router being assembled: its fixed parts plus the tunnels added so far. */
  private record Draft(
      String hostname,
      String site,
      List<EthernetPort> ports,
      Duration uptimeAtStart,
      String serialNumber,
      List<TunnelPort> tunnels,
      List<SimulatedRouter.Attachment> attachments) {}

  public TopologyBuilder(Clock clock) {
    this.clock = clock;
  }

  /**
   * Adds a router with a WAN uplink {@code GigabitEthernet0/0} and a LAN port {@code
   * GigabitEthernet0/1}.
   *
   * @param macPrefix the first 8 hex digits of both ports' MAC addresses, dotted as IOS prints them
   *     ({@code 5254.0012}); the ports end in {@code .0100}/{@code .0101}-style suffixes
   */
  public TopologyBuilder router(
      String hostname,
      String site,
      String wan,
      String lan,
      String macPrefix,
      String macSuffix,
      Duration uptimeAtStart,
      String serialNumber) {
    if (routers.containsKey(hostname)) {
      throw new IllegalArgumentException("router " + hostname + " added twice");
    }
    List<EthernetPort> ports =
        List.of(
            new EthernetPort(
                "GigabitEthernet0/0",
                Ipv4Prefix.parse(wan),
                macPrefix + "." + macSuffix + "00",
                EthernetPort.Role.WAN),
            new EthernetPort(
                "GigabitEthernet0/1",
                Ipv4Prefix.parse(lan),
                macPrefix + "." + macSuffix + "01",
                EthernetPort.Role.LAN));
    routers.put(
        hostname,
        new Draft(
            hostname,
            site,
            ports,
            uptimeAtStart,
            serialNumber,
            new ArrayList<>(),
            new ArrayList<>()));
    return this;
  }

  /**
   * Joins two routers with a GRE tunnel between their uplink addresses, protected by IPsec; {@code
   * a} initiates IKE. The link is up with fresh SAs at the clock's current instant.
   *
   * @param seed makes the link's SPIs differ from other links' yet stay reproducible
   */
  public TunnelLink link(
      String a,
      String tunnelA,
      String tunnelAddressA,
      String b,
      String tunnelB,
      String tunnelAddressB,
      TrafficProfile traffic,
      long seed) {
    Draft ra = draft(a);
    Draft rb = draft(b);
    String wanA = ra.ports().get(0).address().address();
    String wanB = rb.ports().get(0).address().address();
    TunnelLink link =
        new TunnelLink(
            new LinkSpec(
                wanA, wanB, POLICY.lifetime(), IPSEC_LIFETIME, IPSEC_LIFETIME_KB, traffic, seed),
            clock);
    Ipv4Prefix addressA = Ipv4Prefix.parse(tunnelAddressA);
    Ipv4Prefix addressB = Ipv4Prefix.parse(tunnelAddressB);
    Ipv4Prefix lanA = ra.ports().get(1).address();
    Ipv4Prefix lanB = rb.ports().get(1).address();
    ra.tunnels().add(new TunnelPort(tunnelA, addressA, wanA, wanB, addressB.address(), lanB));
    ra.attachments().add(new SimulatedRouter.Attachment(link, Side.A));
    rb.tunnels().add(new TunnelPort(tunnelB, addressB, wanB, wanA, addressA.address(), lanA));
    rb.attachments().add(new SimulatedRouter.Attachment(link, Side.B));
    links.add(link);
    return link;
  }

  /** The routers in the order they were added; each must have at least one tunnel. */
  public List<SimulatedRouter> build() {
    List<SimulatedRouter> built = new ArrayList<>();
    for (Draft d : routers.values()) {
      RouterConfig config =
          new RouterConfig(
              d.hostname(),
              d.site(),
              d.ports(),
              d.tunnels(),
              crypto(),
              d.uptimeAtStart(),
              d.serialNumber());
      built.add(new SimulatedRouter(config, clock, d.attachments()));
    }
    return built;
  }

  /** Every link added so far, in order. */
  public List<TunnelLink> links() {
    return List.copyOf(links);
  }

  private Draft draft(String hostname) {
    Draft d = routers.get(hostname);
    if (d == null) {
      throw new IllegalArgumentException("no router " + hostname + " added yet");
    }
    return d;
  }

  private static CryptoConfig crypto() {
    return new CryptoConfig(
        POLICY,
        PRE_SHARED_KEY,
        "TS-SET",
        "esp-aes esp-sha-hmac",
        "CMAP",
        10,
        "VPN-TRAFFIC",
        "GigabitEthernet0/0",
        IPSEC_LIFETIME,
        IPSEC_LIFETIME_KB);
  }
}
