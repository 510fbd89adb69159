package io.tunnelwatch.lab;

import io.tunnelwatch.lab.sim.CryptoSnapshot;
import io.tunnelwatch.lab.sim.InterfaceSnapshot;
import io.tunnelwatch.lab.sim.RouterSnapshot;
import java.util.LinkedHashMap;
import java.util.Map;

/** The control API's JSON view of one router: where to reach it, its faults and its session. */
final class RouterJson {
  private RouterJson() {}

  static String render(LabRouter router) {
    RouterSnapshot s = router.snapshot();
    Map<String, String> json = new LinkedHashMap<>();
    json.put("name", Json.string(router.name()));
    json.put(
        "ssh",
        router.hasSsh()
            ? Json.object(
                Map.of(
                    "host", Json.string(router.sshHost()),
                    "port", Long.toString(router.sshPort())))
            : "null");
    json.put("uptimeSeconds", Long.toString(s.uptime().toSeconds()));
    json.put(
        "activeFaults",
        Json.array(s.activeFaults().stream().sorted().map(f -> Json.string(f.id())).toList()));
    json.put("cpuFiveSecondsPercent", Integer.toString(s.cpu().fiveSecond()));
    Map<String, String> failures = new LinkedHashMap<>();
    failures.put("phase1", Long.toString(s.failures().phase1()));
    failures.put("phase2", Long.toString(s.failures().phase2()));
    json.put("failures", Json.object(failures));
    json.put("sessions", Json.array(s.sessions().stream().map(c -> session(s, c)).toList()));
    return Json.object(json);
  }

  private static String session(RouterSnapshot s, CryptoSnapshot c) {
    Map<String, String> json = new LinkedHashMap<>();
    json.put("interface", Json.string(c.tunnelInterface()));
    boolean lineUp =
        s.interfaceNamed(c.tunnelInterface()).map(InterfaceSnapshot::lineUp).orElse(false);
    json.put("lineProtocol", Json.string(lineUp ? "up" : "down"));
    json.put("local", Json.string(c.localAddress()));
    json.put("peer", Json.string(c.peerAddress()));
    json.put("status", Json.string(c.status().text()));
    if (c.ike() != null) {
      Map<String, String> ike = new LinkedHashMap<>();
      ike.put("state", Json.string(c.ike().state()));
      ike.put("connId", Integer.toString(c.ike().connId()));
      ike.put("remainingSeconds", Long.toString(c.ike().remainingSeconds()));
      json.put("ike", Json.object(ike));
    }
    if (c.outbound() != null) {
      Map<String, String> ipsec = new LinkedHashMap<>();
      ipsec.put("inboundSpi", Json.string(spi(c.inbound().spi())));
      ipsec.put("outboundSpi", Json.string(spi(c.outbound().spi())));
      ipsec.put("remainingSeconds", Long.toString(c.outbound().remainingSeconds()));
      json.put("ipsec", Json.object(ipsec));
    }
    json.put("packetsEncrypted", Long.toString(c.encapsulated()));
    json.put("packetsDecrypted", Long.toString(c.decapsulated()));
    return Json.object(json);
  }

  private static String spi(long spi) {
    return String.format("0x%08X", spi);
  }
}
