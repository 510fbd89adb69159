package io.tunnelwatch.ios.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One {@code crypto isakmp policy}, with IOS defaults filled in for the lines the router omits.
 *
 * @param priority the policy number; lower is tried first
 * @param encryption normalised: {@code aes 256}, {@code aes 192}, {@code aes} (128 bits), {@code
 *     3des}, {@code des}
 * @param hash {@code sha}, {@code sha256}, {@code sha384}, {@code sha512} or {@code md5}
 * @param authentication {@code pre-share}, {@code rsa-sig} or {@code rsa-encr}
 * @param group Diffie-Hellman group number
 * @param lifetime IKE SA lifetime
 * @param lines the policy's configuration lines as printed, header first
 */
public record IsakmpPolicyConfig(
    int priority,
    String encryption,
    String hash,
    String authentication,
    int group,
    Duration lifetime,
    List<String> lines) {

  /** IOS default encryption when the policy has no {@code encryption} line. */
  public static final String DEFAULT_ENCRYPTION = "des";

  /** IOS default hash when the policy has no {@code hash} line. */
  public static final String DEFAULT_HASH = "sha";

  /** IOS default authentication when the policy has no {@code authentication} line. */
  public static final String DEFAULT_AUTHENTICATION = "rsa-sig";

  /** IOS default Diffie-Hellman group when the policy has no {@code group} line. */
  public static final int DEFAULT_GROUP = 1;

  /** IOS default lifetime when the policy has no {@code lifetime} line. */
  public static final Duration DEFAULT_LIFETIME = Duration.ofDays(1);

  public IsakmpPolicyConfig {
    Objects.requireNonNull(encryption, "encryption");
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(authentication, "authentication");
    Objects.requireNonNull(lifetime, "lifetime");
    lines = List.copyOf(lines);
  }

  /**
   * True when two peers holding these policies can agree on them: everything but the lifetime must
   * be equal (IOS settles on the lower lifetime).
   */
  public boolean matches(IsakmpPolicyConfig other) {
    return encryption.equals(other.encryption)
        && hash.equals(other.hash)
        && authentication.equals(other.authentication)
        && group == other.group;
  }

  /** The proposal in short, e.g. {@code aes 256/sha/pre-share/group 2}. */
  public String proposal() {
    return encryption + "/" + hash + "/" + authentication + "/group " + group;
  }
}
