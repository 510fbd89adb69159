package io.tunnelwatch.lab.sim;

import java.time.Duration;

/**
 * The crypto part of a router configuration: one ISAKMP policy, one pre-shared key, one transform
 * set, and one crypto map entry whose ACL permits GRE between the two public addresses.
 *
 * @param mapInterface the interface the crypto map is applied to (the internet uplink)
 * @param transforms the transform list as IOS prints it after {@code transform:}
 * @param ipsecLifetime IPsec SA time lifetime ({@code crypto ipsec security-association lifetime})
 * @param ipsecLifetimeKilobytes IPsec SA volume lifetime
 */
public record CryptoConfig(
    IsakmpPolicy isakmpPolicy,
    String preSharedKey,
    String transformSetName,
    String transforms,
    String cryptoMapName,
    int cryptoMapSequence,
    String aclName,
    String mapInterface,
    Duration ipsecLifetime,
    long ipsecLifetimeKilobytes) {}
