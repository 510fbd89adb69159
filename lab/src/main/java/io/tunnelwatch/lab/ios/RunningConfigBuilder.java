package io.tunnelwatch.lab.ios;

import io.tunnelwatch.lab.sim.EthernetPort;
import io.tunnelwatch.lab.sim.Ipv4Prefix;
import io.tunnelwatch.lab.sim.RouterConfig;
import io.tunnelwatch.lab.sim.RouterSnapshot;
import io.tunnelwatch.lab.sim.TunnelPort;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the running configuration of a lab router the way an IOSv 15.6 router lists it: global
 * settings, crypto, interfaces (virtual ones first, as IOS orders them), routing, the crypto ACLs,
 * lines. Pure: the same snapshot always gives the same text.
 */
final class RunningConfigBuilder {
  private RunningConfigBuilder() {}

  static RunningConfig build(RouterSnapshot router) {
    RouterConfig config = router.config();
    RunningCrypto crypto = RunningCrypto.of(config, router.activeFaults());
    List<String> out = new ArrayList<>();
    out.add("!");
    out.addAll(
        List.of(
            "version 15.6",
            "service timestamps debug datetime msec",
            "service timestamps log datetime msec",
            "no service password-encryption",
            "!",
            "hostname " + config.hostname(),
            "!",
            "boot-start-marker",
            "boot-end-marker",
            "!",
            "!",
            "no aaa new-model",
            "!",
            "!",
            "no ip domain lookup",
            "ip cef",
            "no ipv6 cef",
            "!",
            "multilink bundle-name authenticated",
            "!",
            "!",
            "redundancy",
            "!",
            "!"));
    crypto(crypto, out);
    for (TunnelPort tunnel : config.tunnels()) {
      out.add("interface " + tunnel.name());
      out.add(" ip address " + address(tunnel.address()));
      out.add(" tunnel source " + tunnel.source());
      out.add(" tunnel destination " + tunnel.destination());
      out.add("!");
    }
    for (EthernetPort port : config.ethernetPorts()) {
      out.add("interface " + port.name());
      out.add(" ip address " + address(port.address()));
      out.add(" duplex auto");
      out.add(" speed auto");
      out.add(" media-type rj45");
      if (port.name().equals(config.crypto().mapInterface())) {
        out.add(" crypto map " + config.crypto().cryptoMapName());
      }
      out.add("!");
    }
    out.addAll(List.of("ip forward-protocol nd", "!", "!", "no ip http server"));
    out.add("no ip http secure-server");
    out.add("ip route 0.0.0.0 0.0.0.0 " + config.port(EthernetPort.Role.WAN).address().lastHost());
    for (TunnelPort tunnel : config.tunnels()) {
      Ipv4Prefix lan = tunnel.peerLan();
      out.add("ip route " + lan.network() + " " + lan.netmask() + " " + tunnel.name());
    }
    out.add("ip ssh version 2");
    out.add("!");
    for (RunningCrypto.Peer peer : crypto.peers()) {
      out.add("ip access-list extended " + peer.acl().name());
      peer.acl().entries().forEach(e -> out.add(" " + e));
      out.add("!");
    }
    out.addAll(
        List.of(
            "!",
            "control-plane",
            "!",
            "!",
            "line con 0",
            "line aux 0",
            "line vty 0 4",
            " login local",
            " transport input ssh",
            "!",
            "no scheduler allocate",
            "!",
            "end"));
    return new RunningConfig(out);
  }

  private static void crypto(RunningCrypto crypto, List<String> out) {
    out.add("crypto isakmp policy " + crypto.policy().priority());
    crypto.policyLines().forEach(l -> out.add(" " + l));
    for (RunningCrypto.Peer peer : crypto.peers()) {
      out.add("crypto isakmp key " + peer.key() + " address " + peer.address());
    }
    out.add("!");
    out.add("!");
    String transformSet = crypto.reference().transformSetName();
    out.add("crypto ipsec transform-set " + transformSet + " " + crypto.transforms());
    out.add(" mode tunnel");
    out.add("!");
    out.add("!");
    String map = crypto.reference().cryptoMapName();
    for (RunningCrypto.Peer peer : crypto.peers()) {
      out.add("crypto map " + map + " " + peer.sequence() + " ipsec-isakmp");
      out.add(" set peer " + peer.address());
      out.add(" set transform-set " + transformSet);
      out.add(" match address " + peer.acl().name());
    }
    out.add("!");
    out.add("!");
  }

  private static String address(Ipv4Prefix prefix) {
    return prefix.address() + " " + prefix.netmask();
  }
}
