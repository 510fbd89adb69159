package io.tunnelwatch.agent.diagnose;

import io.tunnelwatch.ios.config.AccessList;
import io.tunnelwatch.ios.config.AclEntry;
import io.tunnelwatch.ios.config.CryptoConfiguration;
import io.tunnelwatch.ios.config.CryptoMapEntry;
import io.tunnelwatch.ios.config.InterfaceConfig;
import io.tunnelwatch.ios.config.IpsecProfileConfig;
import io.tunnelwatch.ios.config.IsakmpPolicyConfig;
import io.tunnelwatch.ios.config.PreSharedKey;
import io.tunnelwatch.ios.config.TransformSetConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Compares the configurations of the two ends of a tunnel point by point: what one end proposes or
 * expects, the other must match or mirror. Each check only runs on what both outputs showed, so a
 * section that was not read gives no finding rather than a false one.
 */
public final class MirrorCheck {

  private final EndConfig a;
  private final EndConfig b;
  private final List<MirrorFinding> findings = new ArrayList<>();

  private MirrorCheck(EndConfig a, EndConfig b) {
    this.a = a;
    this.b = b;
  }

  /** Every point where {@code a} and {@code b} do not mirror each other; empty when all do. */
  public static List<MirrorFinding> compare(EndConfig a, EndConfig b) {
    MirrorCheck check = new MirrorCheck(a, b);
    check.isakmpPolicies();
    check.preSharedKeys();
    check.cryptoMaps();
    check.tunnels();
    return List.copyOf(check.findings);
  }

  private void add(ConfigTopic topic, String summary, List<String> linesA, List<String> linesB) {
    findings.add(new MirrorFinding(topic, summary, linesA, linesB));
  }

  /** A finding whose evidence comes from one side only: {@code a} when {@code fromA}. */
  private void addFrom(ConfigTopic topic, String summary, boolean fromA, List<String> lines) {
    add(topic, summary, fromA ? lines : List.of(), fromA ? List.of() : lines);
  }

  // Phase 1: ISAKMP policies and pre-shared keys.

  private void isakmpPolicies() {
    List<IsakmpPolicyConfig> policiesA = a.crypto().policies();
    List<IsakmpPolicyConfig> policiesB = b.crypto().policies();
    if (policiesA.isEmpty() && policiesB.isEmpty()) {
      return;
    }
    boolean common = policiesA.stream().anyMatch(p -> policiesB.stream().anyMatch(p::matches));
    if (!common) {
      add(
          ConfigTopic.ISAKMP_POLICY,
          "no ISAKMP policy in common between "
              + a.device()
              + " and "
              + b.device()
              + ": "
              + a.device()
              + " offers "
              + proposals(policiesA)
              + ", "
              + b.device()
              + " offers "
              + proposals(policiesB),
          policyLines(policiesA),
          policyLines(policiesB));
    }
  }

  private static String proposals(List<IsakmpPolicyConfig> policies) {
    return policies.isEmpty()
        ? "none"
        : policies.stream().map(IsakmpPolicyConfig::proposal).collect(Collectors.joining(" or "));
  }

  private static List<String> policyLines(List<IsakmpPolicyConfig> policies) {
    return policies.stream().flatMap(p -> p.lines().stream()).toList();
  }

  private void preSharedKeys() {
    if (!usesKeys(a.crypto()) && !usesKeys(b.crypto())) {
      return;
    }
    Optional<PreSharedKey> keyA = a.crypto().keyFor(b.publicAddress());
    Optional<PreSharedKey> keyB = b.crypto().keyFor(a.publicAddress());
    List<String> linesA = keyA.map(k -> List.of(k.redactedLine())).orElse(List.of());
    List<String> linesB = keyB.map(k -> List.of(k.redactedLine())).orElse(List.of());
    if (keyA.isEmpty()) {
      add(
          ConfigTopic.PRE_SHARED_KEY,
          a.device() + " has no pre-shared key for " + b.publicAddress(),
          linesA,
          linesB);
    }
    if (keyB.isEmpty()) {
      add(
          ConfigTopic.PRE_SHARED_KEY,
          b.device() + " has no pre-shared key for " + a.publicAddress(),
          linesA,
          linesB);
    }
    if (keyA.isEmpty() || keyB.isEmpty()) {
      return;
    }
    PreSharedKey ka = keyA.orElseThrow();
    PreSharedKey kb = keyB.orElseThrow();
    if (ka.encryptionType() == kb.encryptionType() && ka.key().equals(kb.key())) {
      return;
    }
    if (ka.encryptionType() == 0 && kb.encryptionType() == 0) {
      add(
          ConfigTopic.PRE_SHARED_KEY,
          "pre-shared keys differ between "
              + a.device()
              + " and "
              + b.device()
              + " for peer "
              + b.publicAddress(),
          linesA,
          linesB);
    } else {
      // Type 6 is encrypted with each router's own master key and type 7 with a random offset,
      // so different printed forms may still hide the same key.
      add(
          ConfigTopic.PRE_SHARED_KEY,
          "pre-shared keys of "
              + a.device()
              + " and "
              + b.device()
              + " for peer "
              + b.publicAddress()
              + " cannot be compared: "
              + a.device()
              + " stores it as type "
              + ka.encryptionType()
              + ", "
              + b.device()
              + " as type "
              + kb.encryptionType(),
          linesA,
          linesB);
    }
  }

  private static boolean usesKeys(CryptoConfiguration crypto) {
    return !crypto.keys().isEmpty()
        || crypto.policies().stream().anyMatch(p -> p.authentication().equals("pre-share"));
  }

  // Crypto maps, and through them the ACLs and transform sets of phase 2.

  private void cryptoMaps() {
    Optional<CryptoMapEntry> entryA = entryPeering(a, b);
    Optional<CryptoMapEntry> entryB = entryPeering(b, a);
    if (entryA.isEmpty()) {
      missingEntry(a, b, entryB.isPresent(), true);
    }
    if (entryB.isEmpty()) {
      missingEntry(b, a, entryA.isPresent(), false);
    }
    if (entryA.isEmpty() || entryB.isEmpty()) {
      return;
    }
    CryptoMapEntry ea = entryA.orElseThrow();
    CryptoMapEntry eb = entryB.orElseThrow();
    String labelA = a.device() + "'s crypto map " + ea.label();
    String labelB = b.device() + "'s crypto map " + eb.label();
    accessLists(ea, eb);
    transformSets(labelA, ea.transformSets(), labelB, eb.transformSets());
    pfs(labelA, ea.pfsGroup(), ea.lines(), labelB, eb.pfsGroup(), eb.lines());
    appliedToPublicInterface(a, ea, true);
    appliedToPublicInterface(b, eb, false);
  }

  private static Optional<CryptoMapEntry> entryPeering(EndConfig self, EndConfig peer) {
    return self.crypto().mapEntries().stream()
        .filter(e -> e.peers().contains(peer.publicAddress()))
        .findFirst();
  }

  private void missingEntry(EndConfig self, EndConfig peer, boolean peerHasEntry, boolean selfIsA) {
    List<CryptoMapEntry> entries = self.crypto().mapEntries();
    if (!entries.isEmpty()) {
      CryptoMapEntry entry = entries.get(0);
      String peers = entry.peers().isEmpty() ? "no peer" : String.join(", ", entry.peers());
      List<String> lines = entries.stream().flatMap(e -> e.lines().stream()).toList();
      addFrom(
          ConfigTopic.CRYPTO_MAP,
          self.device()
              + "'s crypto map "
              + entry.label()
              + " peers "
              + peers
              + ", not "
              + peer.device()
              + "'s "
              + peer.publicAddress(),
          selfIsA,
          lines);
    } else if (peerHasEntry && !usesTunnelProtection(self.crypto())) {
      add(
          ConfigTopic.CRYPTO_MAP,
          self.device()
              + " has no crypto map entry peering with "
              + peer.device()
              + "'s "
              + peer.publicAddress(),
          List.of(),
          List.of());
    }
  }

  private static boolean usesTunnelProtection(CryptoConfiguration crypto) {
    return crypto.interfaces().stream().anyMatch(i -> i.tunnelProtection().isPresent());
  }

  private void accessLists(CryptoMapEntry ea, CryptoMapEntry eb) {
    Optional<AccessList> aclA = referencedAcl(a, ea, true);
    Optional<AccessList> aclB = referencedAcl(b, eb, false);
    if (aclA.isEmpty() || aclB.isEmpty()) {
      return;
    }
    AccessList la = aclA.orElseThrow();
    AccessList lb = aclB.orElseThrow();
    if (!la.mirrors(lb)) {
      add(
          ConfigTopic.ACL,
          "ACL "
              + la.name()
              + " on "
              + a.device()
              + " is not the mirror image of "
              + lb.name()
              + " on "
              + b.device(),
          aclLines(la),
          aclLines(lb));
    }
  }

  private Optional<AccessList> referencedAcl(EndConfig self, CryptoMapEntry entry, boolean isA) {
    if (entry.matchAddress().isEmpty()) {
      addFrom(
          ConfigTopic.ACL,
          self.device() + "'s crypto map " + entry.label() + " has no match address",
          isA,
          entry.lines());
      return Optional.empty();
    }
    String name = entry.matchAddress().orElseThrow();
    Optional<AccessList> acl = self.accessList(name);
    if (acl.isEmpty()) {
      addFrom(
          ConfigTopic.ACL,
          self.device()
              + "'s crypto map "
              + entry.label()
              + " matches ACL "
              + name
              + ", which "
              + self.device()
              + " does not have",
          isA,
          entry.lines());
    }
    return acl;
  }

  private static List<String> aclLines(AccessList acl) {
    List<String> lines = new ArrayList<>();
    lines.add((acl.extended() ? "Extended" : "Standard") + " IP access list " + acl.name());
    acl.entries().stream().map(AclEntry::line).forEach(lines::add);
    return lines;
  }

  private void transformSets(
      String labelA, List<String> namesA, String labelB, List<String> namesB) {
    List<TransformSetConfig> setsA = resolveSets(a, labelA, namesA);
    List<TransformSetConfig> setsB = resolveSets(b, labelB, namesB);
    if (setsA.isEmpty() || setsB.isEmpty()) {
      return;
    }
    if (setsA.stream().anyMatch(s -> setsB.stream().anyMatch(s::sameProposal))) {
      return;
    }
    boolean modesDiffer =
        setsA.stream().anyMatch(s -> setsB.stream().anyMatch(t -> !s.mode().equals(t.mode())));
    List<String> linesA = setsA.stream().flatMap(s -> s.lines().stream()).toList();
    List<String> linesB = setsB.stream().flatMap(s -> s.lines().stream()).toList();
    String summary;
    if (setsA.size() == 1 && setsB.size() == 1 && setsA.get(0).name().equals(setsB.get(0).name())) {
      summary =
          "transform set "
              + setsA.get(0).name()
              + " differs: "
              + a.device()
              + " "
              + describe(setsA.get(0), modesDiffer)
              + ", "
              + b.device()
              + " "
              + describe(setsB.get(0), modesDiffer);
    } else {
      summary =
          "no transform set in common between "
              + labelA
              + " and "
              + labelB
              + ": "
              + a.device()
              + " offers "
              + describeAll(setsA, modesDiffer)
              + ", "
              + b.device()
              + " offers "
              + describeAll(setsB, modesDiffer);
    }
    add(ConfigTopic.TRANSFORM_SET, summary, linesA, linesB);
  }

  private List<TransformSetConfig> resolveSets(EndConfig self, String label, List<String> names) {
    List<TransformSetConfig> sets = new ArrayList<>();
    for (String name : names) {
      Optional<TransformSetConfig> set = self.crypto().transformSet(name);
      if (set.isPresent()) {
        sets.add(set.orElseThrow());
      } else {
        add(
            ConfigTopic.TRANSFORM_SET,
            label + " uses transform set " + name + ", which " + self.device() + " does not have",
            List.of(),
            List.of());
      }
    }
    if (names.isEmpty()) {
      add(ConfigTopic.TRANSFORM_SET, label + " sets no transform set", List.of(), List.of());
    }
    return sets;
  }

  private static String describe(TransformSetConfig set, boolean withMode) {
    return String.join(" ", set.transforms()) + (withMode ? " mode " + set.mode() : "");
  }

  private static String describeAll(List<TransformSetConfig> sets, boolean withMode) {
    return sets.stream()
        .map(s -> s.name() + " (" + describe(s, withMode) + ")")
        .collect(Collectors.joining(" or "));
  }

  private void pfs(
      String labelA,
      Optional<String> pfsA,
      List<String> linesA,
      String labelB,
      Optional<String> pfsB,
      List<String> linesB) {
    if (pfsA.equals(pfsB)) {
      return;
    }
    String summary;
    if (pfsA.isPresent() && pfsB.isPresent()) {
      summary =
          "PFS differs: "
              + labelA
              + " sets "
              + pfsA.orElseThrow()
              + ", "
              + labelB
              + " sets "
              + pfsB.orElseThrow();
    } else {
      boolean aRequires = pfsA.isPresent();
      String requiring = aRequires ? labelA : labelB;
      String other = aRequires ? labelB : labelA;
      String otherDevice = aRequires ? b.device() : a.device();
      summary =
          requiring
              + " requires PFS "
              + pfsA.or(() -> pfsB).orElseThrow()
              + " and "
              + other
              + " sets none, so quick mode fails when "
              + otherDevice
              + " initiates";
    }
    add(ConfigTopic.TRANSFORM_SET, summary, linesA, linesB);
  }

  private void appliedToPublicInterface(EndConfig self, CryptoMapEntry entry, boolean isA) {
    Optional<InterfaceConfig> publicInterface =
        self.crypto().interfaces().stream()
            .filter(i -> i.ip().equals(Optional.of(self.publicAddress())))
            .findFirst();
    if (publicInterface.isEmpty()) {
      return;
    }
    InterfaceConfig iface = publicInterface.orElseThrow();
    if (iface.cryptoMap().equals(Optional.of(entry.map()))) {
      return;
    }
    String summary =
        self.device()
            + "'s crypto map "
            + entry.map()
            + " is not applied to "
            + iface.name()
            + ", which holds "
            + self.publicAddress()
            + iface.cryptoMap().map(m -> " (it carries crypto map " + m + ")").orElse("");
    addFrom(ConfigTopic.CRYPTO_MAP, summary, isA, iface.lines());
  }

  // GRE tunnel interfaces and their IPsec profiles.

  private void tunnels() {
    Optional<InterfaceConfig> tunnelA = tunnelTowards(a, b);
    Optional<InterfaceConfig> tunnelB = tunnelTowards(b, a);
    if (tunnelA.isEmpty() || tunnelB.isEmpty()) {
      return;
    }
    InterfaceConfig ta = tunnelA.orElseThrow();
    InterfaceConfig tb = tunnelB.orElseThrow();
    destination(a, ta, b, true);
    destination(b, tb, a, false);
    source(a, ta, true);
    source(b, tb, false);
    subnet(ta, tb);
    protection(ta, tb);
  }

  /** The tunnel pointing at the peer, else the first tunnel: the one that should. */
  private static Optional<InterfaceConfig> tunnelTowards(EndConfig self, EndConfig peer) {
    List<InterfaceConfig> tunnels =
        self.crypto().interfaces().stream().filter(InterfaceConfig::isTunnel).toList();
    return tunnels.stream()
        .filter(t -> t.tunnelDestination().equals(Optional.of(peer.publicAddress())))
        .findFirst()
        .or(() -> tunnels.stream().findFirst());
  }

  private void destination(EndConfig self, InterfaceConfig tunnel, EndConfig peer, boolean isA) {
    Optional<String> destination = tunnel.tunnelDestination();
    if (destination.equals(Optional.of(peer.publicAddress()))) {
      return;
    }
    String summary =
        destination
            .map(
                d ->
                    self.device()
                        + "'s "
                        + tunnel.name()
                        + " has tunnel destination "
                        + d
                        + ", not "
                        + peer.device()
                        + "'s "
                        + peer.publicAddress())
            .orElse(
                self.device()
                    + "'s "
                    + tunnel.name()
                    + " has no tunnel destination; "
                    + peer.device()
                    + " is at "
                    + peer.publicAddress());
    addFrom(ConfigTopic.TUNNEL_INTERFACE, summary, isA, tunnel.lines());
  }

  private void source(EndConfig self, InterfaceConfig tunnel, boolean isA) {
    Optional<String> source = tunnel.tunnelSource();
    if (source.isEmpty()) {
      return;
    }
    String configured = source.orElseThrow();
    // "tunnel source GigabitEthernet0/0" names an interface; its address is what the peer sees.
    Optional<String> address =
        Character.isDigit(configured.charAt(0))
            ? Optional.of(configured)
            : self.crypto().iface(configured).flatMap(InterfaceConfig::ip);
    if (address.isEmpty() || address.equals(Optional.of(self.publicAddress()))) {
      return;
    }
    addFrom(
        ConfigTopic.TUNNEL_INTERFACE,
        self.device()
            + "'s "
            + tunnel.name()
            + " has tunnel source "
            + configured
            + ", not "
            + self.device()
            + "'s public address "
            + self.publicAddress(),
        isA,
        tunnel.lines());
  }

  private void subnet(InterfaceConfig ta, InterfaceConfig tb) {
    if (ta.address().isEmpty() || tb.address().isEmpty()) {
      return;
    }
    if (ta.sameSubnet(tb)) {
      return;
    }
    add(
        ConfigTopic.TUNNEL_INTERFACE,
        a.device()
            + "'s "
            + ta.name()
            + " ("
            + ta.address().orElseThrow()
            + ") and "
            + b.device()
            + "'s "
            + tb.name()
            + " ("
            + tb.address().orElseThrow()
            + ") are not in the same subnet",
        ta.lines(),
        tb.lines());
  }

  private void protection(InterfaceConfig ta, InterfaceConfig tb) {
    Optional<String> profileA = ta.tunnelProtection();
    Optional<String> profileB = tb.tunnelProtection();
    if (profileA.isEmpty() && profileB.isEmpty()) {
      return;
    }
    if (profileA.isEmpty() || profileB.isEmpty()) {
      boolean aProtected = profileA.isPresent();
      add(
          ConfigTopic.TUNNEL_INTERFACE,
          (aProtected ? a.device() + "'s " + ta.name() : b.device() + "'s " + tb.name())
              + " is protected by IPsec profile "
              + profileA.or(() -> profileB).orElseThrow()
              + ", "
              + (aProtected ? b.device() + "'s " + tb.name() : a.device() + "'s " + ta.name())
              + " is not",
          ta.lines(),
          tb.lines());
      return;
    }
    Optional<IpsecProfileConfig> pa = profile(a, ta, profileA.orElseThrow(), true);
    Optional<IpsecProfileConfig> pb = profile(b, tb, profileB.orElseThrow(), false);
    if (pa.isEmpty() || pb.isEmpty()) {
      return;
    }
    IpsecProfileConfig ia = pa.orElseThrow();
    IpsecProfileConfig ib = pb.orElseThrow();
    String labelA = a.device() + "'s IPsec profile " + ia.name();
    String labelB = b.device() + "'s IPsec profile " + ib.name();
    transformSets(labelA, ia.transformSets(), labelB, ib.transformSets());
    pfs(labelA, ia.pfsGroup(), ia.lines(), labelB, ib.pfsGroup(), ib.lines());
  }

  private Optional<IpsecProfileConfig> profile(
      EndConfig self, InterfaceConfig tunnel, String name, boolean isA) {
    Optional<IpsecProfileConfig> profile = self.crypto().profile(name);
    if (profile.isEmpty()) {
      addFrom(
          ConfigTopic.TUNNEL_INTERFACE,
          self.device()
              + "'s "
              + tunnel.name()
              + " uses IPsec profile "
              + name
              + ", which "
              + self.device()
              + " does not have",
          isA,
          tunnel.lines());
    }
    return profile;
  }
}
