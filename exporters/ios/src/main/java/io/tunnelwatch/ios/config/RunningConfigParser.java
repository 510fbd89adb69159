package io.tunnelwatch.ios.config;

import io.tunnelwatch.ios.parse.ParseException;
import io.tunnelwatch.ios.parse.Parsed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses the IPsec parts of a running configuration: the output of {@code show running-config |
 * section crypto} and of {@code show running-config interface X}. Sections that configure things
 * the checks do not look at (PKI trustpoints and certificates, IKEv2, ISAKMP profiles, keepalives,
 * dynamic maps) are skipped quietly; anything else unknown is skipped with a warning. No line in a
 * result or a warning carries a key.
 */
public final class RunningConfigParser {

  public static final String COMMAND = "show running-config";

  /** Sections skipped without a warning, by their first words. */
  private static final List<String> IGNORED_SECTIONS =
      List.of(
          "crypto pki",
          "crypto ca",
          "crypto ikev2",
          "crypto isakmp profile",
          "crypto isakmp keepalive",
          "crypto isakmp nat",
          "crypto isakmp identity",
          "crypto isakmp invalid-spi-recovery",
          "crypto isakmp aggressive-mode",
          "crypto isakmp fragmentation",
          "crypto isakmp enable",
          "crypto isakmp default",
          "crypto isakmp client",
          "crypto isakmp peer",
          "crypto ipsec df-bit",
          "crypto ipsec security-association",
          "crypto ipsec nat-transparency",
          "crypto ipsec client",
          "crypto ipsec fragmentation",
          "crypto ipsec optional",
          "crypto dynamic-map",
          "crypto engine",
          "crypto logging",
          "crypto key",
          "crypto gdoi",
          "crypto call",
          "crypto mib",
          "crypto vpn",
          "crypto ssl",
          "no crypto");

  private RunningConfigParser() {}

  /**
   * Parses one output; an empty output (a router without crypto configuration) gives an empty
   * configuration.
   *
   * @throws ParseException when the router answered with an error or refused the command
   */
  public static Parsed<CryptoConfiguration> parse(String output) {
    ConfigWarnings warnings = new ConfigWarnings(COMMAND);
    List<ConfigLine> lines = ConfigText.lines(COMMAND, output);
    Collector collector = new Collector(warnings);
    for (ConfigBlock block : ConfigBlock.of(lines, warnings)) {
      collector.add(block);
    }
    return new Parsed<>(collector.configuration(), warnings.list());
  }

  /**
   * True when {@code output} says the router refused the command to this account ({@code % Invalid
   * input detected at '^' marker.}, {@code % Authorization failed.}, {@code Command authorization
   * failed.}, {@code % This command is not authorized}).
   */
  public static boolean isDenied(String output) {
    return ConfigText.isDenied(output);
  }

  /** Same as {@link CryptoConfiguration#merge}. */
  public static CryptoConfiguration merge(CryptoConfiguration a, CryptoConfiguration b) {
    return CryptoConfiguration.merge(a, b);
  }

  /** Sorts blocks into the configuration's lists. */
  private static final class Collector {
    private final ConfigWarnings warnings;
    private final List<IsakmpPolicyConfig> policies = new ArrayList<>();
    private final List<PreSharedKey> keys = new ArrayList<>();
    private final List<TransformSetConfig> transformSets = new ArrayList<>();
    private final List<CryptoMapEntry> mapEntries = new ArrayList<>();
    private final List<IpsecProfileConfig> profiles = new ArrayList<>();
    private final List<InterfaceConfig> interfaces = new ArrayList<>();
    private Optional<Duration> globalSaLifetime = Optional.empty();

    Collector(ConfigWarnings warnings) {
      this.warnings = warnings;
    }

    void add(ConfigBlock block) {
      String[] words = block.headerTokens();
      if (Tokens.startsWith(words, "crypto", "isakmp", "policy")) {
        IsakmpPolicyBlock.parse(block, warnings).ifPresent(policies::add);
      } else if (Tokens.startsWith(words, "crypto", "isakmp", "key")) {
        PreSharedKeyLines.global(block.header(), warnings).ifPresent(keys::add);
        block.children().forEach(warnings::unrecognised);
      } else if (Tokens.startsWith(words, "crypto", "keyring") && words.length >= 3) {
        keyring(block);
      } else if (Tokens.startsWith(words, "crypto", "ipsec", "transform-set")) {
        TransformSetBlock.parse(block, warnings).ifPresent(transformSets::add);
      } else if (Tokens.startsWith(words, "crypto", "ipsec", "profile")) {
        CryptoMapBlock.profile(block, warnings).ifPresent(profiles::add);
      } else if (Tokens.startsWith(
              words, "crypto", "ipsec", "security-association", "lifetime", "seconds")
          && words.length == 6
          && Tokens.number(words[5]).isPresent()) {
        globalSaLifetime = Optional.of(Duration.ofSeconds(Tokens.number(words[5]).getAsInt()));
      } else if (Tokens.startsWith(words, "crypto", "map")
          && words.length >= 5
          && Tokens.number(words[3]).isPresent()) {
        cryptoMap(block, words);
      } else if (Tokens.startsWith(words, "crypto", "map")) {
        // Map-wide settings such as "crypto map CMAP local-address Gi0/0" name no peer.
        return;
      } else if (Tokens.startsWith(words, "interface")) {
        InterfaceBlock.parse(block, warnings).ifPresent(interfaces::add);
      } else if (!isIgnored(block.header().text())) {
        warnings.warn(
            block.header(),
            block.children().isEmpty()
                ? "unrecognised line, skipped"
                : "unrecognised section, skipped with the "
                    + block.children().size()
                    + " lines under it");
      }
    }

    private void cryptoMap(ConfigBlock block, String[] words) {
      if (words.length > 5 && words[5].equals("dynamic")) {
        // A dynamic-map reference names no peer of its own.
        return;
      }
      if (!words[4].startsWith("ipsec-")) {
        warnings.warn(block.header(), "crypto map entry of another kind than ipsec, skipped");
        return;
      }
      CryptoMapBlock.entry(block, warnings).ifPresent(mapEntries::add);
    }

    private void keyring(ConfigBlock block) {
      for (ConfigLine line : block.children()) {
        String[] words = Tokens.split(line.text());
        if (words[0].equals("pre-shared-key")) {
          PreSharedKeyLines.keyring(line, warnings).ifPresent(keys::add);
        } else if (!words[0].equals("local-address") && !words[0].equals("description")) {
          warnings.unrecognised(line);
        }
      }
    }

    private static boolean isIgnored(String header) {
      for (String prefix : IGNORED_SECTIONS) {
        if (header.equals(prefix) || header.startsWith(prefix + " ")) {
          return true;
        }
      }
      return false;
    }

    CryptoConfiguration configuration() {
      return new CryptoConfiguration(
          policies, keys, transformSets, mapEntries, profiles, interfaces, globalSaLifetime);
    }
  }
}
