package io.tunnelwatch.agent.diagnose;

import io.tunnelwatch.ios.config.AccessList;
import io.tunnelwatch.ios.config.CryptoConfiguration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One end of a tunnel as its configuration describes it.
 *
 * @param device the device's name, e.g. {@code R1}
 * @param publicAddress the address the other end peers with, e.g. {@code 100.0.0.1}
 * @param crypto the crypto section merged with the tunnel interface sections
 * @param accessLists the device's IP access lists
 */
public record EndConfig(
    String device, String publicAddress, CryptoConfiguration crypto, List<AccessList> accessLists) {

  public EndConfig {
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(publicAddress, "publicAddress");
    Objects.requireNonNull(crypto, "crypto");
    accessLists = List.copyOf(accessLists);
  }

  /** The access list called {@code name}. */
  public Optional<AccessList> accessList(String name) {
    return accessLists.stream().filter(list -> list.name().equals(name)).findFirst();
  }
}
