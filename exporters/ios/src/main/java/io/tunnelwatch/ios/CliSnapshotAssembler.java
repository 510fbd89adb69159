package io.tunnelwatch.ios;

import io.tunnelwatch.core.model.CpuLoad;
import io.tunnelwatch.core.model.DeviceSnapshot;
import io.tunnelwatch.core.model.IpsecFlow;
import io.tunnelwatch.core.model.Source;
import io.tunnelwatch.ios.model.CryptoSession;
import io.tunnelwatch.ios.model.InterfaceStatus;
import io.tunnelwatch.ios.model.IpsecSaFlow;
import io.tunnelwatch.ios.model.IpsecSaInterface;
import io.tunnelwatch.ios.model.IsakmpSa;
import io.tunnelwatch.ios.model.ProcessesCpu;
import io.tunnelwatch.ios.model.SessionIkeSa;
import io.tunnelwatch.ios.model.TunnelSettings;
import io.tunnelwatch.ios.parse.CryptoSessionParser;
import io.tunnelwatch.ios.parse.InterfacesParser;
import io.tunnelwatch.ios.parse.IpsecSaParser;
import io.tunnelwatch.ios.parse.IsakmpSaParser;
import io.tunnelwatch.ios.parse.ParseWarning;
import io.tunnelwatch.ios.parse.Parsed;
import io.tunnelwatch.ios.parse.ProcessesCpuParser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Parses the outputs of one SSH poll and maps them to a {@link DeviceSnapshot}. */
public final class CliSnapshotAssembler {

  private CliSnapshotAssembler() {}

  /**
   * Assembles a snapshot; a null output leaves its part of the snapshot empty.
   *
   * @throws io.tunnelwatch.ios.parse.ParseException when an output is not what its command prints
   */
  public static Parsed<DeviceSnapshot> assemble(
      String device, Instant collectedAt, CliOutputs outputs) {
    List<ParseWarning> warnings = new ArrayList<>();
    List<CryptoSession> sessions =
        parse(outputs.cryptoSessionDetail(), CryptoSessionParser::parse, warnings, List.of());
    List<IsakmpSa> isakmp =
        parse(outputs.isakmpSaDetail(), IsakmpSaParser::parse, warnings, List.of());
    List<IpsecSaInterface> ipsec =
        parse(outputs.ipsecSa(), IpsecSaParser::parse, warnings, List.of());
    List<InterfaceStatus> interfaces =
        parse(outputs.interfaces(), InterfacesParser::parse, warnings, List.of());
    Optional<ProcessesCpu> cpu =
        parse(
            outputs.processesCpu(),
            text -> wrap(ProcessesCpuParser.parse(text)),
            warnings,
            Optional.empty());

    List<IpsecFlow> flows = new ArrayList<>(IpsecFlowMapper.flows(ipsec, warnings));
    flows.addAll(DownSessionFlowMapper.flows(sessions, flows, warnings));
    DeviceSnapshot snapshot =
        new DeviceSnapshot(
            device,
            Source.SSH,
            collectedAt,
            TunnelMapper.tunnels(interfaces),
            IkeSaMapper.ikeSas(
                isakmp, sessions, localAddresses(interfaces, sessions, ipsec), localByPeer(ipsec)),
            flows,
            cpu.flatMap(CliSnapshotAssembler::cpuLoad));
    return new Parsed<>(snapshot, warnings);
  }

  private static <T> T parse(
      String output, Function<String, Parsed<T>> parser, List<ParseWarning> warnings, T absent) {
    if (output == null) {
      return absent;
    }
    Parsed<T> parsed = parser.apply(output);
    warnings.addAll(parsed.warnings());
    return parsed.value();
  }

  private static Parsed<Optional<ProcessesCpu>> wrap(Parsed<ProcessesCpu> parsed) {
    return new Parsed<>(Optional.of(parsed.value()), parsed.warnings());
  }

  /** The router-wide line when shown; otherwise the mean of the per-core lines. */
  static Optional<CpuLoad> cpuLoad(ProcessesCpu cpu) {
    if (cpu.total().isPresent()) {
      var total = cpu.total().get();
      return Optional.of(
          new CpuLoad(
              total.fiveSecondsPercent() / 100.0,
              total.oneMinutePercent() / 100.0,
              total.fiveMinutesPercent() / 100.0));
    }
    if (cpu.cores().isEmpty()) {
      return Optional.empty();
    }
    double n = cpu.cores().size();
    double five = 0;
    double one = 0;
    double fiveMin = 0;
    for (var core : cpu.cores()) {
      five += core.utilization().fiveSecondsPercent();
      one += core.utilization().oneMinutePercent();
      fiveMin += core.utilization().fiveMinutesPercent();
    }
    return Optional.of(new CpuLoad(five / n / 100.0, one / n / 100.0, fiveMin / n / 100.0));
  }

  /** Every address the outputs show as the router's own. */
  private static Set<String> localAddresses(
      List<InterfaceStatus> interfaces,
      List<CryptoSession> sessions,
      List<IpsecSaInterface> ipsec) {
    Set<String> local = new HashSet<>();
    for (InterfaceStatus i : interfaces) {
      i.internetAddress()
          .map(a -> a.contains("/") ? a.substring(0, a.indexOf('/')) : a)
          .ifPresent(local::add);
      i.tunnel().flatMap(TunnelSettings::sourceAddress).ifPresent(local::add);
    }
    for (CryptoSession s : sessions) {
      s.ikeSas().stream().map(SessionIkeSa::localAddress).forEach(local::add);
    }
    for (IpsecSaInterface i : ipsec) {
      i.localAddress().ifPresent(local::add);
      i.flows().forEach(f -> f.localEndpoint().ifPresent(local::add));
    }
    return local;
  }

  private static Map<String, String> localByPeer(List<IpsecSaInterface> ipsec) {
    Map<String, String> map = new HashMap<>();
    for (IpsecSaInterface i : ipsec) {
      for (IpsecSaFlow f : i.flows()) {
        if (f.peer().isPresent() && f.localEndpoint().isPresent()) {
          map.putIfAbsent(f.peer().get(), f.localEndpoint().get());
        }
      }
    }
    return map;
  }
}
