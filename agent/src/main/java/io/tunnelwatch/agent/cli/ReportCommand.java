package io.tunnelwatch.agent.cli;

import io.tunnelwatch.agent.config.ConfigException;
import io.tunnelwatch.agent.config.ConfigLoader;
import io.tunnelwatch.agent.history.EventHistory;
import io.tunnelwatch.agent.history.HistoryStoreException;
import io.tunnelwatch.agent.report.HistoryOpener;
import io.tunnelwatch.agent.report.RekeyPolicy;
import io.tunnelwatch.agent.report.ReportGenerator;
import io.tunnelwatch.agent.report.ReportPeriod;
import io.tunnelwatch.agent.report.ReportRequest;
import io.tunnelwatch.agent.report.Selection;
import io.tunnelwatch.agent.report.StabilityReport;
import io.tunnelwatch.agent.report.StoreHistoryOpener;
import io.tunnelwatch.agent.report.TunnelBinding;
import io.tunnelwatch.agent.report.render.ReportFormat;
import io.tunnelwatch.agent.time.DurationText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code report}: a stability report over a period, from the agent's event history. */
@Command(
    name = "report",
    description = {
      "Write a tunnel stability report (availability, outages, MTBF/MTTR, rekeys, failures,",
      "traffic, CPU) from the agent's event history. The period is [from, to); it defaults to",
      "everything recorded. Exit 0 on success, 1 when the input or the history is unusable."
    })
final class ReportCommand implements Callable<Integer> {

  static final class Source {
    @Option(names = "--state-dir", paramLabel = "DIR", description = "the agent's state directory")
    Path stateDir;

    @Option(names = "--config", paramLabel = "FILE", description = "the agent's configuration")
    Path config;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  @Option(names = "--from", paramLabel = "WHEN", description = "start, e.g. 2026-11-01 (UTC)")
  String from;

  @Option(names = "--to", paramLabel = "WHEN", description = "end (exclusive), e.g. 2026-12-01")
  String to;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "html",
      description = "html, csv or json (default: ${DEFAULT-VALUE})")
  String format;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "where to write")
  Path out;

  @Option(names = "--device", paramLabel = "NAME", description = "only this device (repeatable)")
  List<String> devices = new ArrayList<>();

  @Option(
      names = "--tunnel",
      paramLabel = "DEVICE:INTERFACE",
      description = "only this tunnel (repeatable), e.g. R1:Tunnel10")
  List<String> tunnels = new ArrayList<>();

  @Option(
      names = "--bind",
      paramLabel = "DEVICE:INTERFACE=PEER",
      description = "the IKE peer protecting a tunnel, when a device has several (repeatable)")
  List<String> bindings = new ArrayList<>();

  @Option(
      names = "--ike-lifetime",
      paramLabel = "DURATION",
      defaultValue = "24h",
      description = "ISAKMP SA lifetime explaining IKE rekeys (default: ${DEFAULT-VALUE})")
  String ikeLifetime;

  @Option(
      names = "--ipsec-lifetime",
      paramLabel = "DURATION",
      defaultValue = "1h",
      description = "IPsec SA lifetime explaining IPsec rekeys (default: ${DEFAULT-VALUE})")
  String ipsecLifetime;

  @Spec CommandSpec spec;

  private final Optional<HistoryOpener> opener;
  private final Clock clock;

  ReportCommand() {
    this(Optional.of(new StoreHistoryOpener()), Clock.systemUTC());
  }

  ReportCommand(Optional<HistoryOpener> opener, Clock clock) {
    this.opener = opener;
    this.clock = clock;
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    try {
      ReportFormat chosen =
          ReportFormat.fromName(format)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "--format: expected one of "
                              + ReportFormat.names()
                              + ", got '"
                              + format
                              + "'"));
      Selection selection = new Selection(new HashSet<>(devices), new HashSet<>(tunnels));
      RekeyPolicy rekeys =
          new RekeyPolicy(DurationText.parse(ikeLifetime), DurationText.parse(ipsecLifetime));
      List<TunnelBinding> bound = bindings.stream().map(ReportCommand::binding).toList();
      checkOutDirectory();
      Optional<Instant> start = Optional.ofNullable(from).map(t -> ReportTimes.parse("--from", t));
      Optional<Instant> end = Optional.ofNullable(to).map(t -> ReportTimes.parse("--to", t));
      HistoryOpener history =
          opener.orElseThrow(
              () ->
                  new IllegalStateException(
                      "no event history store is installed in this build"
                          + " (expected a HistoryOpener service)"));
      StabilityReport report;
      try (EventHistory events = open(history)) {
        ReportPeriod period = period(events, start, end);
        report =
            new ReportGenerator(clock)
                .generate(events, new ReportRequest(period, selection, rekeys, bound));
      }
      ReportGenerator.write(report, chosen, out);
      spec.commandLine()
          .getOut()
          .printf(
              "%s: %d tunnels, %d peers, %s .. %s%n",
              out,
              report.tunnels().size(),
              report.peers().size(),
              report.period().from(),
              report.period().to());
      spec.commandLine().getOut().flush();
      return 0;
    } catch (IllegalArgumentException | IllegalStateException | HistoryStoreException e) {
      err.println("tunnelwatch report: " + e.getMessage());
      return 1;
    } catch (ConfigException e) {
      err.println("tunnelwatch report: " + e.getMessage());
      return 1;
    } catch (IOException e) {
      err.println("tunnelwatch report: " + e.getMessage());
      return 1;
    }
  }

  /** Checked before the history is read, so that a typo costs no report run. */
  private void checkOutDirectory() {
    Path parent = out.toAbsolutePath().getParent();
    if (parent == null || !Files.isDirectory(parent)) {
      throw new IllegalArgumentException(
          "--out: the directory " + parent + " does not exist (report creates no directories)");
    }
  }

  private EventHistory open(HistoryOpener history) throws IOException, ConfigException {
    if (source.stateDir != null) {
      return history.openStateDir(source.stateDir);
    }
    return history.openConfigured(new ConfigLoader().load(source.config));
  }

  private static ReportPeriod period(
      EventHistory events, Optional<Instant> start, Optional<Instant> end) {
    if (start.isPresent() && end.isPresent()) {
      return checked(start.get(), end.get());
    }
    ReportPeriod recorded =
        ReportGenerator.recordedSpan(events)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "the history records no poll yet; give --from and --to"));
    return checked(start.orElse(recorded.from()), end.orElse(recorded.to()));
  }

  private static ReportPeriod checked(Instant from, Instant to) {
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("expected --from before --to, got " + from + " .. " + to);
    }
    return new ReportPeriod(from, to);
  }

  private static TunnelBinding binding(String text) {
    int colon = text.indexOf(':');
    int equals = text.indexOf('=');
    if (colon <= 0 || equals <= colon + 1 || equals == text.length() - 1) {
      throw new IllegalArgumentException(
          "--bind: expected DEVICE:INTERFACE=PEER such as R1:Tunnel10=200.0.0.1, got '"
              + text
              + "'");
    }
    return new TunnelBinding(
        text.substring(0, colon), text.substring(colon + 1, equals), text.substring(equals + 1));
  }
}
