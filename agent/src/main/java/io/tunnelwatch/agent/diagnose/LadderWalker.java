package io.tunnelwatch.agent.diagnose;

import io.tunnelwatch.ios.config.PingParser;
import io.tunnelwatch.ios.config.PingResult;
import io.tunnelwatch.ios.model.Ikev2Sa;
import io.tunnelwatch.ios.model.InterfaceStatus;
import io.tunnelwatch.ios.model.IpsecSaFlow;
import io.tunnelwatch.ios.model.IpsecSaInterface;
import io.tunnelwatch.ios.model.IsakmpSa;
import io.tunnelwatch.ios.model.SaDirection;
import io.tunnelwatch.ios.model.SaProtocol;
import io.tunnelwatch.ios.parse.Ikev2SaParser;
import io.tunnelwatch.ios.parse.IpsecSaParser;
import io.tunnelwatch.ios.parse.IsakmpSaParser;
import io.tunnelwatch.ios.parse.ParseException;
import io.tunnelwatch.ios.transport.CliException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Walks rungs 2 to 5 of the ladder for one tunnel on a live router, with read-only commands and
 * short pings only. Stops where a failure makes the rungs above meaningless: a peer that does not
 * answer, a tunnel whose line protocol is down. A ping across the tunnel that fails does not stop
 * it, since IPsec that is down drops that ping too: phase 1 and 2 say whether it is the cause.
 */
final class LadderWalker {

  /** Waits between two reads of the counters; interruptible, so a shutdown ends a diagnosis. */
  @FunctionalInterface
  interface Pause {
    void sleep(Duration duration) throws InterruptedException;
  }

  private final DiagnosticCli cli;
  private final Duration counterInterval;
  private final Pause pause;

  LadderWalker(DiagnosticCli cli, Duration counterInterval, Pause pause) {
    this.cli = cli;
    this.counterInterval = counterInterval;
    this.pause = pause;
  }

  /** Rungs 2 to 5, in order; the ones not reached are {@link RungStatus#NOT_CHECKED}. */
  List<RungResult> walk(TunnelUnderTest target) throws CliException, InterruptedException {
    List<RungResult> rungs = new ArrayList<>();
    RungResult peer = checked(Rung.PEER_ADDRESS, () -> peerAddress(target));
    rungs.add(peer);
    if (peer.failed()) {
      return notChecked(rungs, Rung.TUNNEL_INTERFACE, "the peer's public address does not answer");
    }
    RungResult tunnelRung = checked(Rung.TUNNEL_INTERFACE, () -> tunnelInterface(target));
    rungs.add(tunnelRung);
    boolean lineDown = target.tunnel().map(t -> !t.lineProtocolUp()).orElse(false);
    if (tunnelRung.failed() && lineDown) {
      return notChecked(rungs, Rung.PHASE1, "the tunnel's line protocol is down");
    }
    RungResult phase1 = checked(Rung.PHASE1, () -> phase1(target));
    rungs.add(phase1);
    if (phase1.failed()) {
      return notChecked(rungs, Rung.PHASE2, "phase 1 is not established");
    }
    rungs.add(checked(Rung.PHASE2, () -> phase2(target)));
    return rungs;
  }

  /** One rung's check, which may read the router and wait. */
  @FunctionalInterface
  private interface Check {
    RungResult run() throws CliException, InterruptedException;
  }

  /**
   * The rung as checked, or failed when the router's answer was not what the command prints: an old
   * IOS without the command, an account that may not run it, output cut short.
   */
  private static RungResult checked(Rung rung, Check check)
      throws CliException, InterruptedException {
    try {
      return check.run();
    } catch (ParseException e) {
      return notUnderstood(rung, e);
    }
  }

  private static RungResult notUnderstood(Rung rung, ParseException e) {
    return RungResult.failed(
        rung,
        "the router's answer to `" + e.command() + "` was not understood",
        List.of(Evidence.shorten(e.reason())),
        "the command is refused to this account or not supported by this IOS, or its output was"
            + " cut short",
        "run `" + e.command() + "` by hand with the agent's account");
  }

  private static List<RungResult> notChecked(List<RungResult> rungs, Rung from, String why) {
    for (Rung rung : Rung.values()) {
      if (rung.number() >= from.number()) {
        rungs.add(RungResult.notChecked(rung, "not checked: " + why));
      }
    }
    return rungs;
  }

  private RungResult peerAddress(TunnelUnderTest target) throws CliException {
    String output = cli.run(AllowedCommand.ping(target.peer(), target.source()));
    PingResult ping;
    try {
      ping = PingParser.parse(output);
    } catch (ParseException e) {
      return RungResult.failed(
          Rung.PEER_ADDRESS,
          "the router did not run the ping to " + target.peer(),
          Evidence.lines(output, line -> true),
          "the ping was refused or its output not understood: " + e.reason(),
          "run `ping " + target.peer() + " source " + target.source() + "` by hand");
    }
    List<String> evidence = List.of(Evidence.shorten(ping.successLine()));
    if (ping.received() == 0) {
      return RungResult.failed(
          Rung.PEER_ADDRESS,
          target.peer()
              + " does not answer a ping from "
              + target.source()
              + " (0/"
              + ping.sent()
              + ")",
          evidence,
          "the path between the two public addresses is down: the internet link, the provider,"
              + " or a firewall dropping the traffic",
          "check the uplink and the route to "
              + target.peer()
              + " on both routers (show ip route "
              + target.peer()
              + "), and whether ICMP is filtered on the way");
    }
    return RungResult.passed(
        Rung.PEER_ADDRESS,
        target.peer()
            + " answers from "
            + target.source()
            + " ("
            + ping.received()
            + "/"
            + ping.sent()
            + ")",
        evidence);
  }

  private RungResult tunnelInterface(TunnelUnderTest target) throws CliException {
    if (target.tunnel().isEmpty()) {
      return RungResult.passed(
          Rung.TUNNEL_INTERFACE,
          "no tunnel interface: a crypto map protects the traffic",
          List.of());
    }
    InterfaceStatus tunnel = target.tunnel().get();
    String name = tunnel.name();
    String stateLine =
        name + " is " + tunnel.status() + ", line protocol is " + tunnel.lineProtocol();
    if (!tunnel.enabled() || !tunnel.lineProtocolUp()) {
      return RungResult.failed(
          Rung.TUNNEL_INTERFACE,
          stateLine,
          List.of(Evidence.shorten(stateLine)),
          tunnel.administrativelyDown()
              ? name + " is shut down"
              : "the GRE line protocol is down: the tunnel destination "
                  + target.peer()
                  + " is not reachable from the tunnel source, or keepalives are not answered",
          tunnel.administrativelyDown()
              ? "no shutdown on " + name + ", if it should carry traffic"
              : "check the route to " + target.peer() + " and the peer's tunnel configuration");
    }
    if (target.farTunnelAddress().isEmpty()) {
      return RungResult.passed(
          Rung.TUNNEL_INTERFACE,
          stateLine + "; the far tunnel address is not known, so nothing was pinged across",
          List.of(Evidence.shorten(stateLine)));
    }
    String far = target.farTunnelAddress().get();
    String output = cli.run(AllowedCommand.ping(far, name));
    List<String> evidence = new ArrayList<>();
    evidence.add(Evidence.shorten(stateLine));
    try {
      PingResult ping = PingParser.parse(output);
      evidence.add(Evidence.shorten(ping.successLine()));
      if (ping.received() > 0) {
        return RungResult.passed(
            Rung.TUNNEL_INTERFACE,
            stateLine
                + "; "
                + far
                + " answers across the tunnel ("
                + ping.received()
                + "/"
                + ping.sent()
                + ")",
            evidence);
      }
    } catch (ParseException e) {
      evidence.addAll(Evidence.lines(output, line -> true));
    }
    return RungResult.failed(
        Rung.TUNNEL_INTERFACE,
        stateLine + ", but " + far + " does not answer a ping across it",
        evidence,
        "traffic through the tunnel is dropped: by IPsec when phase 1 or 2 is down, else by"
            + " routing or an ACL on the far end",
        "check phase 1 and phase 2 below; then the far end's tunnel address and routing");
  }

  private RungResult phase1(TunnelUnderTest target) throws CliException {
    String isakmp = cli.run(AllowedCommand.isakmpSa());
    List<IsakmpSa> ikev1 =
        IsakmpSaParser.parse(isakmp).value().stream()
            .filter(
                sa -> sa.destination().equals(target.peer()) || sa.source().equals(target.peer()))
            .toList();
    List<String> evidence = Evidence.containing(isakmp, target.peer());
    Optional<IsakmpSa> established =
        ikev1.stream().filter(sa -> sa.state().map("QM_IDLE"::equals).orElse(false)).findFirst();
    if (established.isPresent()) {
      return RungResult.passed(
          Rung.PHASE1, "the ISAKMP SA with " + target.peer() + " is QM_IDLE", evidence);
    }
    if (ikev1.isEmpty()) {
      String ikev2Output = cli.run(AllowedCommand.ikev2Sa());
      List<Ikev2Sa> ikev2 =
          Ikev2SaParser.parse(ikev2Output).value().stream()
              .filter(sa -> OtherEnds.hostOf(sa.remoteAddress()).equals(target.peer()))
              .toList();
      if (ikev2.stream().anyMatch(sa -> sa.status().equals("READY"))) {
        return RungResult.passed(
            Rung.PHASE1,
            "the IKEv2 SA with " + target.peer() + " is READY",
            Evidence.containing(ikev2Output, target.peer()));
      }
      if (!ikev2.isEmpty()) {
        return phase1Failed(
            target,
            "the IKEv2 SA with " + target.peer() + " is " + ikev2.get(0).status(),
            Evidence.containing(ikev2Output, target.peer()));
      }
      return phase1Failed(target, "there is no IKE SA with " + target.peer(), evidence);
    }
    String states =
        String.join(", ", ikev1.stream().map(sa -> sa.state().orElse("?")).distinct().toList());
    return phase1Failed(
        target,
        "the ISAKMP SA with " + target.peer() + " is " + states + ", not QM_IDLE",
        evidence);
  }

  private static RungResult phase1Failed(
      TunnelUnderTest target, String summary, List<String> evidence) {
    return RungResult.failed(
        Rung.PHASE1,
        summary,
        evidence,
        "IKE phase 1 does not complete: the ISAKMP policies or the pre-shared keys differ between"
            + " the two ends",
        "compare `show running-config | section crypto` on both ends: a policy with the same"
            + " encryption, hash, authentication and DH group, and a key for "
            + target.peer()
            + " equal to the peer's key for this router");
  }

  /** Encrypt and decrypt counters of the flows with the peer, summed. */
  private record Counters(long encrypted, long decrypted, int activeFlows, List<String> lines) {}

  private Counters counters(TunnelUnderTest target) throws CliException {
    String output = cli.run(AllowedCommand.ipsecSa(target.peer()));
    long encrypted = 0;
    long decrypted = 0;
    int active = 0;
    for (IpsecSaInterface iface : IpsecSaParser.parse(output).value()) {
      for (IpsecSaFlow flow : iface.flows()) {
        if (!flow.peer().map(target.peer()::equals).orElse(false)) {
          continue;
        }
        boolean in =
            flow.sas(SaDirection.INBOUND, SaProtocol.ESP).stream().anyMatch(s -> s.active());
        boolean out =
            flow.sas(SaDirection.OUTBOUND, SaProtocol.ESP).stream().anyMatch(s -> s.active());
        if (in && out) {
          active++;
          encrypted += flow.pktsEncrypt().orElse(0);
          decrypted += flow.pktsDecrypt().orElse(0);
        }
      }
    }
    List<String> lines =
        Evidence.lines(
            output, line -> line.contains("#pkts encrypt") || line.contains("#pkts decrypt"));
    return new Counters(encrypted, decrypted, active, lines);
  }

  /** Rung 5 alone: the far end's view of the same flow, when a tunnel drops traffic. */
  RungResult phase2Only(TunnelUnderTest target) throws CliException, InterruptedException {
    return phase2(target);
  }

  private RungResult phase2(TunnelUnderTest target) throws CliException, InterruptedException {
    Counters first = counters(target);
    if (first.activeFlows() == 0) {
      return RungResult.failed(
          Rung.PHASE2,
          "phase 1 is up but there is no active IPsec SA with " + target.peer(),
          first.lines(),
          "quick mode is refused: the crypto ACLs are not mirror images, or the transform sets"
              + " have nothing in common",
          "compare the ACL the crypto map matches and the transform sets on both ends");
    }
    pause.sleep(counterInterval);
    Counters second = counters(target);
    boolean pinged = false;
    if (!moved(first, second).both()) {
      pingAcross(target);
      pinged = true;
      second = counters(target);
    }
    Movement moved = moved(first, second);
    List<String> evidence = new ArrayList<>(first.lines());
    evidence.addAll(second.lines());
    String change =
        "encrypt +"
            + (second.encrypted() - first.encrypted())
            + ", decrypt +"
            + (second.decrypted() - first.decrypted())
            + (pinged ? " with a ping across the tunnel" : "")
            + " in "
            + counterInterval.toSeconds()
            + " s";
    if (moved.both()) {
      return RungResult.passed(
          Rung.PHASE2, first.activeFlows() + " active IPsec SA pair(s); " + change, evidence);
    }
    if (moved.encrypted()) {
      return RungResult.failed(
          Rung.PHASE2,
          "one-way traffic: packets are encrypted but none are decrypted (" + change + ")",
          evidence,
          "what this router encrypts gets no answer: the peer does not receive it (ESP, IP"
              + " protocol 50, or UDP 4500 filtered on the way) or routes its answer elsewhere",
          "on the peer: do its decrypt counters move? Check firewalls for ESP and the peer's"
              + " route back");
    }
    if (moved.decrypted()) {
      return RungResult.failed(
          Rung.PHASE2,
          "one-way traffic: packets are decrypted but none are encrypted (" + change + ")",
          evidence,
          "traffic from the peer arrives, but the answers do not enter the tunnel: routing on"
              + " this router sends them elsewhere",
          "show ip route for the peer's networks on this router");
    }
    return RungResult.failed(
        Rung.PHASE2,
        "the IPsec SAs are up but their counters stand still (" + change + ")",
        evidence,
        "no traffic reaches the SAs: routing to the far network, or the crypto ACL does not"
            + " match the traffic",
        "ping across the tunnel from a LAN address; check the route to the far LAN and the"
            + " crypto ACL");
  }

  private void pingAcross(TunnelUnderTest target) throws CliException {
    if (target.tunnelName().isPresent() && target.farTunnelAddress().isPresent()) {
      cli.run(AllowedCommand.ping(target.farTunnelAddress().get(), target.tunnelName().get()));
    }
  }

  private record Movement(boolean encrypted, boolean decrypted) {
    boolean both() {
      return encrypted && decrypted;
    }
  }

  private static Movement moved(Counters before, Counters after) {
    return new Movement(
        after.encrypted() > before.encrypted(), after.decrypted() > before.decrypted());
  }

  static Duration defaultCounterInterval() {
    return Duration.ofSeconds(3);
  }
}
