package io.tunnelwatch.agent.diagnose;

import io.tunnelwatch.agent.diagnose.ConfigReader.Read;
import io.tunnelwatch.agent.diagnose.ConfigReader.RouterConfig;
import io.tunnelwatch.ios.config.CryptoMapEntry;
import io.tunnelwatch.ios.model.InterfaceStatus;
import io.tunnelwatch.ios.parse.InterfacesParser;
import io.tunnelwatch.ios.transport.CliException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Diagnoses one device: walks the ladder for each of its tunnels (or the one asked for), compares
 * its crypto configuration with the other end's when that is a configured device too, and audits
 * it. Sends only {@link AllowedCommand}s, on sessions of its own.
 */
public final class Diagnoser {

  private final DeviceAccess access;
  private final Clock clock;
  private final Duration counterInterval;
  private final LadderWalker.Pause pause;

  /**
   * @param counterInterval how long apart the IPsec counters are read to see them move
   */
  public Diagnoser(DeviceAccess access, Clock clock, Duration counterInterval) {
    this(access, clock, counterInterval, d -> Thread.sleep(d.toMillis()));
  }

  Diagnoser(DeviceAccess access, Clock clock, Duration counterInterval, LadderWalker.Pause pause) {
    this.access = access;
    this.clock = clock;
    this.counterInterval = counterInterval;
    this.pause = pause;
  }

  /**
   * @param peer only the tunnel or crypto peer with this public address
   * @throws IllegalArgumentException when the device is not configured
   */
  public Diagnosis diagnose(String device, Optional<String> peer) throws InterruptedException {
    if (!access.devices().contains(device)) {
      throw new IllegalArgumentException("no device " + device + " in the configuration");
    }
    peer.ifPresent(AllowedCommand::address);
    List<String> notes = new ArrayList<>();
    DiagnosticCli cli;
    try {
      cli = access.open(device);
    } catch (CliException e) {
      return unreachable(device, peer, e);
    }
    try (cli;
        OtherEnds others = new OtherEnds(access, device)) {
      RungResult reach = reach(device, notes);
      List<InterfaceStatus> interfaces =
          InterfacesParser.parse(cli.run(AllowedCommand.allInterfaces())).value();
      List<InterfaceStatus> tunnels =
          interfaces.stream()
              .filter(i -> i.tunnel().flatMap(t -> t.destination()).isPresent())
              .filter(i -> peer.isEmpty() || destination(i).equals(peer.get()))
              .toList();
      Read own = ConfigReader.read(cli, tunnels.stream().map(InterfaceStatus::name).toList());
      own.denied().ifPresent(notes::add);
      List<AuditFinding> audit =
          own.config().map(c -> CryptoAudit.audit(device, c.crypto())).orElse(List.of());
      List<Target> targets = new ArrayList<>();
      for (InterfaceStatus tunnel : tunnels) {
        targets.add(new Target(Optional.of(tunnel), source(tunnel), destination(tunnel)));
      }
      own.config().ifPresent(c -> targets.addAll(cryptoMapPeers(c, targets, peer, notes)));
      if (targets.isEmpty()) {
        notes.add(
            peer.map(p -> device + " has no tunnel or crypto map peer " + p)
                .orElse(
                    device + " has no tunnel interface with a destination and no crypto map peer"));
      }
      List<TunnelDiagnosis> results = new ArrayList<>();
      for (Target target : targets) {
        results.add(walk(cli, device, reach, target, own, others, notes));
      }
      notes.addAll(others.notes());
      return new Diagnosis(device, now(), results, audit, notes);
    } catch (CliException e) {
      return unreachable(device, peer, e);
    }
  }

  /**
   * A tunnel, or a crypto map peer without one.
   *
   * @param tunnel as {@code show interfaces} showed it
   * @param source where pings to the peer leave from
   */
  private record Target(Optional<InterfaceStatus> tunnel, String source, String peer) {}

  /**
   * The peers of crypto map entries that no tunnel leads to: a plain crypto map (IPsec without GRE)
   * is walked from the address of the interface the map is applied to.
   */
  private static List<Target> cryptoMapPeers(
      RouterConfig config, List<Target> tunnels, Optional<String> only, List<String> notes) {
    List<Target> peers = new ArrayList<>();
    for (CryptoMapEntry entry : config.crypto().mapEntries()) {
      for (String peer : entry.peers()) {
        boolean covered =
            tunnels.stream().anyMatch(t -> t.peer().equals(peer))
                || peers.stream().anyMatch(t -> t.peer().equals(peer));
        if (covered || (only.isPresent() && !only.get().equals(peer))) {
          continue;
        }
        Optional<String> source =
            config.crypto().interfaces().stream()
                .filter(i -> i.cryptoMap().map(entry.map()::equals).orElse(false))
                .flatMap(i -> i.ip().stream())
                .findFirst();
        if (source.isEmpty() || !AllowedCommand.isAddress(peer)) {
          notes.add(
              "crypto map "
                  + entry.label()
                  + " peers with "
                  + Evidence.shorten(peer)
                  + ", but is applied to no interface with an address: not walked");
          continue;
        }
        peers.add(new Target(Optional.empty(), source.get(), peer));
      }
    }
    return peers;
  }

  private TunnelDiagnosis walk(
      DiagnosticCli cli,
      String device,
      RungResult reach,
      Target target,
      Read own,
      OtherEnds others,
      List<String> notes)
      throws CliException, InterruptedException {
    String peer = target.peer();
    String source = target.source();
    Optional<OtherEnds.End> end = others.holding(peer);
    Optional<InterfaceStatus> farTunnel = end.flatMap(e -> e.tunnelTo(source));
    Optional<String> far =
        target.tunnel().isEmpty()
            ? Optional.empty()
            : farTunnel
                .flatMap(InterfaceStatus::internetAddress)
                .map(OtherEnds::hostOf)
                .or(
                    () ->
                        target
                            .tunnel()
                            .flatMap(InterfaceStatus::internetAddress)
                            .flatMap(PointToPoint::farAddress));
    List<RungResult> rungs = new ArrayList<>();
    rungs.add(reach);
    rungs.addAll(
        new LadderWalker(cli, counterInterval, pause)
            .walk(new TunnelUnderTest(target.tunnel(), source, peer, far)));

    List<MirrorFinding> mirror = List.of();
    if (end.isEmpty()) {
      notes.add(
          peer
              + " is not an address of a configured device: "
              + device
              + "'s configuration could not be compared with the other end's");
    } else if (own.config().isPresent()) {
      Read theirs =
          ConfigReader.read(
              end.get().cli(), farTunnel.map(t -> List.of(t.name())).orElse(List.of()));
      theirs.denied().ifPresent(notes::add);
      if (theirs.config().isPresent()) {
        mirror =
            MirrorCheck.compare(
                endConfig(device, source, own.config().get()),
                endConfig(end.get().device(), peer, theirs.config().get()));
      }
    }
    TunnelDiagnosis walked =
        new TunnelDiagnosis(
            device,
            target.tunnel().map(InterfaceStatus::name),
            peer,
            rungs,
            end.map(OtherEnds.End::device),
            mirror);
    return Causes.refine(walked, end, source, counterInterval, pause);
  }

  /** To the second: a diagnosis takes seconds, and people read the time. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }

  private static EndConfig endConfig(String device, String publicAddress, RouterConfig config) {
    return new EndConfig(device, publicAddress, config.crypto(), config.accessLists());
  }

  private RungResult reach(String device, List<String> notes) {
    Optional<DeviceAccess.SnmpReach> snmp = access.snmp(device);
    String summary = "SSH login and commands work";
    if (snmp.isPresent()) {
      summary += "; SNMP " + snmp.get().summary();
      if (!snmp.get().answered()) {
        notes.add(device + " does not answer SNMP: " + snmp.get().summary());
      }
    }
    return RungResult.passed(Rung.REACH_DEVICE, summary, List.of());
  }

  private Diagnosis unreachable(String device, Optional<String> peer, CliException e) {
    List<RungResult> rungs = new ArrayList<>();
    rungs.add(
        RungResult.failed(
            Rung.REACH_DEVICE,
            "the agent cannot use SSH on " + device,
            List.of(Evidence.shorten(String.valueOf(e.getMessage()))),
            "the router is down or unreachable, or refuses the agent's login",
            "tunnelwatch_poll_failures_total{device=\"" + device + "\"} says since when and why"));
    for (Rung rung : Rung.values()) {
      if (rung != Rung.REACH_DEVICE) {
        rungs.add(RungResult.notChecked(rung, "not checked: the device cannot be reached"));
      }
    }
    return new Diagnosis(
        device,
        now(),
        List.of(
            new TunnelDiagnosis(
                device, Optional.empty(), peer.orElse("?"), rungs, Optional.empty(), List.of())),
        List.of(),
        List.of());
  }

  private static String destination(InterfaceStatus tunnel) {
    return tunnel.tunnel().flatMap(t -> t.destination()).orElseThrow();
  }

  /** Where pings to the peer leave from: the source address, else the source interface. */
  private static String source(InterfaceStatus tunnel) {
    return tunnel
        .tunnel()
        .flatMap(t -> t.sourceAddress().filter(AllowedCommand::isAddress).or(t::sourceInterface))
        .orElse(tunnel.name());
  }
}
