package io.tunnelwatch.ios.config;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * One {@code crypto ipsec transform-set}.
 *
 * @param name the set's name
 * @param transforms the transforms as printed, a key size kept with its cipher ({@code esp-aes
 *     256}, {@code esp-gcm 256})
 * @param mode {@code tunnel} (the IOS default) or {@code transport}
 * @param lines the set's configuration lines as printed, header first
 */
public record TransformSetConfig(
    String name, List<String> transforms, String mode, List<String> lines) {

  /** The mode IOS uses when the set has no {@code mode} line. */
  public static final String DEFAULT_MODE = "tunnel";

  public TransformSetConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(mode, "mode");
    transforms = List.copyOf(transforms);
    lines = List.copyOf(lines);
  }

  /** True when both sets propose the same transforms (in any order) in the same mode. */
  public boolean sameProposal(TransformSetConfig other) {
    return mode.equals(other.mode)
        && transforms.size() == other.transforms.size()
        && new HashSet<>(transforms).equals(new HashSet<>(other.transforms));
  }
}
