package io.tunnelwatch.ios.config;

import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a router's running configuration says about its IPsec setup.
 *
 * @param policies ISAKMP policies in printed order
 * @param keys pre-shared keys, global and from keyrings
 * @param transformSets transform sets
 * @param mapEntries crypto map entries
 * @param profiles IPsec profiles
 * @param interfaces interface sections that were part of the output
 * @param globalSaLifetime {@code crypto ipsec security-association lifetime seconds}, when set
 */
public record CryptoConfiguration(
    List<IsakmpPolicyConfig> policies,
    List<PreSharedKey> keys,
    List<TransformSetConfig> transformSets,
    List<CryptoMapEntry> mapEntries,
    List<IpsecProfileConfig> profiles,
    List<InterfaceConfig> interfaces,
    Optional<Duration> globalSaLifetime) {

  public CryptoConfiguration {
    policies = List.copyOf(policies);
    keys = List.copyOf(keys);
    transformSets = List.copyOf(transformSets);
    mapEntries = List.copyOf(mapEntries);
    profiles = List.copyOf(profiles);
    interfaces = List.copyOf(interfaces);
    Objects.requireNonNull(globalSaLifetime, "globalSaLifetime");
  }

  /** A configuration without a global IPsec SA lifetime. */
  public CryptoConfiguration(
      List<IsakmpPolicyConfig> policies,
      List<PreSharedKey> keys,
      List<TransformSetConfig> transformSets,
      List<CryptoMapEntry> mapEntries,
      List<IpsecProfileConfig> profiles,
      List<InterfaceConfig> interfaces) {
    this(policies, keys, transformSets, mapEntries, profiles, interfaces, Optional.empty());
  }

  /** A configuration with nothing in it. */
  public static CryptoConfiguration empty() {
    return new CryptoConfiguration(
        List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
  }

  /**
   * The key IOS would use for {@code peer}: one bound to exactly that address or name, else the one
   * whose address mask covers it most narrowly (a {@code 0.0.0.0 0.0.0.0} key covers all).
   */
  public Optional<PreSharedKey> keyFor(String peer) {
    Optional<PreSharedKey> exact = keys.stream().filter(k -> k.boundExactlyTo(peer)).findFirst();
    if (exact.isPresent()) {
      return exact;
    }
    return keys.stream()
        .filter(k -> k.mask().isPresent() && k.prefixLength() >= 0)
        .filter(k -> Ipv4.inNetwork(peer, k.peer(), k.mask().orElseThrow()))
        .max(Comparator.comparingInt(PreSharedKey::prefixLength));
  }

  /** The transform set called {@code name}. */
  public Optional<TransformSetConfig> transformSet(String name) {
    return transformSets.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  /** The interface called {@code name}, compared without regard to case as IOS does. */
  public Optional<InterfaceConfig> iface(String name) {
    return interfaces.stream().filter(i -> i.name().equalsIgnoreCase(name)).findFirst();
  }

  /** The IPsec profile called {@code name}. */
  public Optional<IpsecProfileConfig> profile(String name) {
    return profiles.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /**
   * Both configurations in one, as when the crypto section and a tunnel interface's section are
   * read separately: an item of {@code b} replaces the item of {@code a} with the same identity
   * (interface name, policy priority, set or profile name, map and sequence, key peer).
   */
  public static CryptoConfiguration merge(CryptoConfiguration a, CryptoConfiguration b) {
    return new CryptoConfiguration(
        mergeBy(a.policies, b.policies, IsakmpPolicyConfig::priority),
        mergeBy(a.keys, b.keys, k -> k.peer() + " " + k.mask().orElse("")),
        mergeBy(a.transformSets, b.transformSets, TransformSetConfig::name),
        mergeBy(a.mapEntries, b.mapEntries, CryptoMapEntry::label),
        mergeBy(a.profiles, b.profiles, IpsecProfileConfig::name),
        mergeBy(a.interfaces, b.interfaces, i -> i.name().toLowerCase(java.util.Locale.ROOT)),
        b.globalSaLifetime.or(() -> a.globalSaLifetime));
  }

  private static <T, K> List<T> mergeBy(List<T> a, List<T> b, Function<T, K> identity) {
    Map<K, T> merged = new LinkedHashMap<>();
    a.forEach(item -> merged.put(identity.apply(item), item));
    b.forEach(item -> merged.put(identity.apply(item), item));
    return List.copyOf(merged.values());
  }
}
