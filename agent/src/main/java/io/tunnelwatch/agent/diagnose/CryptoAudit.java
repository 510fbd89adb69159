package io.tunnelwatch.agent.diagnose;

import static io.tunnelwatch.agent.diagnose.AuditFinding.LEGACY;
import static io.tunnelwatch.agent.diagnose.AuditFinding.WEAK;

import io.tunnelwatch.ios.config.CryptoConfiguration;
import io.tunnelwatch.ios.config.CryptoMapEntry;
import io.tunnelwatch.ios.config.IpsecProfileConfig;
import io.tunnelwatch.ios.config.IsakmpPolicyConfig;
import io.tunnelwatch.ios.config.TransformSetConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Flags cryptographic choices below current guidance (Cisco's Next Generation Encryption
 * recommendations): broken or short ciphers and hashes, small Diffie-Hellman groups, and lifetimes
 * outside sane bounds.
 */
public final class CryptoAudit {

  private static final String SHA1_REASON = "SHA-1 is legacy; prefer sha256 or higher";
  private static final String MD5_REASON = "MD5 is broken; use sha256 or higher";

  /** Diffie-Hellman groups too small for today, with their size. */
  private static final Map<Integer, String> WEAK_GROUPS =
      Map.of(
          1, "768-bit MODP",
          2, "1024-bit MODP",
          5, "1536-bit MODP",
          22, "1024-bit MODP with 160-bit prime order subgroup");

  /** IKE SAs living longer than this keep one key too long; IOS allows no more anyway. */
  private static final Duration IKE_LIFETIME_MAX = Duration.ofDays(1);

  /** IKE SAs living shorter than this rekey so often that negotiations pile up. */
  private static final Duration IKE_LIFETIME_MIN = Duration.ofMinutes(10);

  private static final Duration IPSEC_LIFETIME_MAX = Duration.ofDays(1);
  private static final Duration IPSEC_LIFETIME_MIN = Duration.ofMinutes(5);

  private final String device;
  private final List<AuditFinding> findings = new ArrayList<>();

  private CryptoAudit(String device) {
    this.device = device;
  }

  /** Every weak or legacy choice in {@code config}, in configuration order. */
  public static List<AuditFinding> audit(String device, CryptoConfiguration config) {
    CryptoAudit audit = new CryptoAudit(device);
    config.policies().forEach(audit::policy);
    config.transformSets().forEach(audit::transformSet);
    for (CryptoMapEntry entry : config.mapEntries()) {
      audit.phase2(
          "crypto map " + entry.label(), entry.pfsGroup(), entry.saLifetime(), entry.lines());
    }
    for (IpsecProfileConfig profile : config.profiles()) {
      audit.phase2(
          "IPsec profile " + profile.name(),
          profile.pfsGroup(),
          profile.saLifetime(),
          profile.lines());
    }
    config
        .globalSaLifetime()
        .ifPresent(
            lifetime ->
                audit.ipsecLifetime(
                    "global IPsec SA lifetime",
                    lifetime,
                    "crypto ipsec security-association lifetime seconds " + lifetime.toSeconds()));
    return List.copyOf(audit.findings);
  }

  private void flag(String level, String item, String reason, String line) {
    findings.add(new AuditFinding(device, level, item, reason, line.strip()));
  }

  private void policy(IsakmpPolicyConfig policy) {
    String item = "ISAKMP policy " + policy.priority();
    String encryptionLine = line(policy.lines(), "encr", "encryption");
    String hashLine = line(policy.lines(), "hash");
    String groupLine = line(policy.lines(), "group");
    switch (policy.encryption()) {
      case "des" ->
          flag(
              WEAK,
              item + " encryption des",
              "DES (56-bit key) is weak; use aes 256" + defaulted(encryptionLine, policy),
              encryptionLine);
      case "3des" ->
          flag(
              WEAK,
              item + " encryption 3des",
              "3DES (64-bit block) is weak; use aes 256",
              encryptionLine);
      default -> {
        // AES in any key size is current.
      }
    }
    switch (policy.hash()) {
      case "md5" -> flag(WEAK, item + " hash md5", MD5_REASON, hashLine);
      case "sha" ->
          flag(LEGACY, item + " hash sha", SHA1_REASON + defaulted(hashLine, policy), hashLine);
      default -> {
        // sha256 and above are current.
      }
    }
    String groupSize = WEAK_GROUPS.get(policy.group());
    if (groupSize != null) {
      flag(
          WEAK,
          item + " group " + policy.group(),
          "DH group "
              + policy.group()
              + " ("
              + groupSize
              + ") is weak; use group 14 or higher, or 19/20"
              + defaulted(groupLine, policy),
          groupLine);
    }
    Duration lifetime = policy.lifetime();
    String lifetimeLine = line(policy.lines(), "lifetime");
    if (lifetime.compareTo(IKE_LIFETIME_MAX) > 0) {
      flag(
          WEAK,
          item + " lifetime " + lifetime.toSeconds(),
          "IKE lifetime above 86400 s keeps one key too long",
          lifetimeLine);
    } else if (lifetime.compareTo(IKE_LIFETIME_MIN) < 0) {
      flag(
          WEAK,
          item + " lifetime " + lifetime.toSeconds(),
          "IKE lifetime below 600 s rekeys so often that negotiations disrupt traffic",
          lifetimeLine);
    }
  }

  private void transformSet(TransformSetConfig set) {
    String header =
        set.lines().isEmpty() ? "crypto ipsec transform-set " + set.name() : set.lines().get(0);
    for (String transform : set.transforms()) {
      String item = "transform set " + set.name() + " " + transform;
      String cipher = transform.split(" ")[0];
      switch (cipher) {
        case "esp-des" ->
            flag(WEAK, item, "DES (56-bit key) is weak; use esp-aes 256 or esp-gcm 256", header);
        case "esp-3des" ->
            flag(WEAK, item, "3DES (64-bit block) is weak; use esp-aes 256 or esp-gcm 256", header);
        case "esp-null" -> flag(WEAK, item, "esp-null does not encrypt at all", header);
        case "esp-md5-hmac", "ah-md5-hmac" -> flag(WEAK, item, MD5_REASON, header);
        case "esp-sha-hmac", "ah-sha-hmac" -> flag(LEGACY, item, SHA1_REASON, header);
        default -> {
          // AES, GCM and SHA-2 transforms are current.
        }
      }
    }
  }

  private void phase2(
      String item, Optional<String> pfsGroup, Optional<Duration> lifetime, List<String> lines) {
    if (pfsGroup.isPresent()) {
      String group = pfsGroup.orElseThrow();
      String number = group.startsWith("group") ? group.substring("group".length()) : group;
      WEAK_GROUPS.entrySet().stream()
          .filter(e -> String.valueOf(e.getKey()).equals(number))
          .findFirst()
          .ifPresent(
              e ->
                  flag(
                      WEAK,
                      item + " PFS " + group,
                      "DH group "
                          + e.getKey()
                          + " ("
                          + e.getValue()
                          + ") is weak; use group 14 or higher, or 19/20",
                      line(lines, "set pfs")));
    }
    lifetime.ifPresent(
        l ->
            ipsecLifetime(
                item + " SA lifetime", l, line(lines, "set security-association lifetime")));
  }

  private void ipsecLifetime(String item, Duration lifetime, String line) {
    if (lifetime.compareTo(IPSEC_LIFETIME_MAX) > 0) {
      flag(
          WEAK,
          item + " " + lifetime.toSeconds() + " s",
          "IPsec SA lifetime above 86400 s keeps one key too long",
          line);
    } else if (lifetime.compareTo(IPSEC_LIFETIME_MIN) < 0) {
      flag(
          WEAK,
          item + " " + lifetime.toSeconds() + " s",
          "IPsec SA lifetime below 300 s rekeys so often that traffic is disrupted",
          line);
    }
  }

  /** The first line starting with one of the keywords, else the section header. */
  private static String line(List<String> lines, String... keywords) {
    for (String line : lines) {
      String text = line.strip();
      for (String keyword : keywords) {
        if (text.startsWith(keyword + " ") || text.equals(keyword)) {
          return line;
        }
      }
    }
    return lines.isEmpty() ? "" : lines.get(0);
  }

  /** Notes when the value is IOS's default: the policy has no line for it. */
  private static String defaulted(String line, IsakmpPolicyConfig policy) {
    return !policy.lines().isEmpty() && line.equals(policy.lines().get(0))
        ? " (IOS default: the policy does not set it)"
        : "";
  }
}
