package io.tunnelwatch.lab.ios;

import io.tunnelwatch.lab.Fault;
import io.tunnelwatch.lab.sim.CryptoConfig;
import io.tunnelwatch.lab.sim.EthernetPort;
import io.tunnelwatch.lab.sim.Ipv4Prefix;
import io.tunnelwatch.lab.sim.IsakmpPolicy;
import io.tunnelwatch.lab.sim.RouterConfig;
import io.tunnelwatch.lab.sim.TunnelPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The crypto configuration a router runs: the reference one, bent the way an operator's mistake
 * would bend it for each configuration fault injected on that router. The peer keeps the reference
 * configuration, which is what makes the two disagree.
 *
 * @param policy the ISAKMP policy
 * @param transforms the transform list of the transform set, {@code esp-aes esp-sha-hmac}
 * @param peers one crypto map entry per tunnel, in the order of the configuration's tunnels
 */
record RunningCrypto(
    CryptoConfig reference, IsakmpPolicy policy, String transforms, List<Peer> peers) {

  /** The key {@code psk_mismatch} configures instead of the shared one. */
  static final String MISTYPED_KEY = "unnets@321";

  /** What {@code isakmp_policy_mismatch} leaves in policy 10: nothing the peer offers. */
  private static final String WEAK_ENCRYPTION = "3des";

  private static final String WEAK_HASH = "md5";
  private static final int WEAK_DH_GROUP = 5;

  /** What {@code transform_set_mismatch} leaves in the transform set. */
  static final String WEAK_TRANSFORMS = "esp-3des esp-md5-hmac";

  /**
   * One peer: its crypto map entry, key and crypto ACL.
   *
   * @param sequence the crypto map entry's sequence number
   * @param address the peer's public address
   */
  record Peer(int sequence, String address, String key, AccessList acl) {}

  /**
   * An extended access list.
   *
   * @param entries the rules in order, each as IOS prints it after its sequence number ({@code
   *     permit gre host 100.0.0.1 host 200.0.0.1})
   */
  record AccessList(String name, List<String> entries) {
    AccessList {
      entries = List.copyOf(entries);
    }
  }

  RunningCrypto {
    peers = List.copyOf(peers);
  }

  /**
   * The configuration with the given faults applied. Faults act on the first tunnel, as they do in
   * the simulation; the policy and the transform set are global, so they change for every peer.
   */
  static RunningCrypto of(RouterConfig config, Set<Fault> faults) {
    CryptoConfig crypto = config.crypto();
    IsakmpPolicy policy = crypto.isakmpPolicy();
    if (faults.contains(Fault.ISAKMP_POLICY_MISMATCH)) {
      policy =
          new IsakmpPolicy(
              policy.priority(),
              WEAK_ENCRYPTION,
              0,
              WEAK_HASH,
              policy.authentication(),
              WEAK_DH_GROUP,
              policy.lifetime());
    }
    String transforms =
        faults.contains(Fault.TRANSFORM_SET_MISMATCH) ? WEAK_TRANSFORMS : crypto.transforms();
    String lan = lanWithWildcard(config);
    List<Peer> peers = new ArrayList<>();
    for (int t = 0; t < config.tunnels().size(); t++) {
      TunnelPort tunnel = config.tunnels().get(t);
      boolean first = t == 0;
      String key =
          first && faults.contains(Fault.PSK_MISMATCH) ? MISTYPED_KEY : crypto.preSharedKey();
      String rule =
          first && faults.contains(Fault.ACL_MISMATCH)
              ? "permit ip "
                  + lan
                  + " "
                  + tunnel.peerLan().network()
                  + " "
                  + tunnel.peerLan().wildcard()
              : "permit gre host " + tunnel.source() + " host " + tunnel.destination();
      String aclName = first ? crypto.aclName() : crypto.aclName() + "-" + (t + 1);
      peers.add(
          new Peer(
              crypto.cryptoMapSequence() * (t + 1),
              tunnel.destination(),
              key,
              new AccessList(aclName, List.of(rule))));
    }
    return new RunningCrypto(crypto, policy, transforms, peers);
  }

  /** The children of {@code crypto isakmp policy N}, as {@code show running-config} lists them. */
  List<String> policyLines() {
    String encryption =
        policy.keyBits() > 0
            ? "encr " + policy.encryption() + " " + policy.keyBits()
            : "encr " + policy.encryption();
    String authentication =
        "psk".equals(policy.authentication()) ? "pre-share" : policy.authentication();
    return List.of(
        encryption,
        "hash " + policy.hash(),
        "authentication " + authentication,
        "group " + policy.dhGroup(),
        "lifetime " + policy.lifetime().toSeconds());
  }

  private static String lanWithWildcard(RouterConfig config) {
    Ipv4Prefix lan = config.port(EthernetPort.Role.LAN).address();
    return lan.network() + " " + lan.wildcard();
  }
}
