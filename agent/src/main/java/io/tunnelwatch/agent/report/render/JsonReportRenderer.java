package io.tunnelwatch.agent.report.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tunnelwatch.agent.history.CpuPeak;
import io.tunnelwatch.agent.report.Change;
import io.tunnelwatch.agent.report.DailyTraffic;
import io.tunnelwatch.agent.report.Figures;
import io.tunnelwatch.agent.report.FleetSummary;
import io.tunnelwatch.agent.report.Outage;
import io.tunnelwatch.agent.report.Problems;
import io.tunnelwatch.agent.report.RekeyCounts;
import io.tunnelwatch.agent.report.ReportPeriod;
import io.tunnelwatch.agent.report.Segment;
import io.tunnelwatch.agent.report.StabilityReport;
import io.tunnelwatch.agent.report.SubjectReport;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.Optional;

/**
 * The report as JSON with stable snake_case keys, built field by field so that renaming a Java
 * component never changes the document. Times are ISO-8601 UTC, durations seconds with three
 * decimals, undefined figures {@code null}. The layout is described in docs/reports.md.
 */
public final class JsonReportRenderer implements ReportRenderer {

  /** Bumped when a key changes meaning or disappears; new keys do not bump it. */
  public static final String SCHEMA = "tunnelwatch.report/1";

  private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Override
  public void render(StabilityReport report, Writer out) throws IOException {
    mapper.writeValue(new NonClosingWriter(out), document(report));
    out.write('\n');
    out.flush();
  }

  ObjectNode document(StabilityReport report) {
    ObjectNode root = mapper.createObjectNode();
    root.put("schema", SCHEMA);
    root.put("generated_at", report.generatedAt().toString());
    root.set("period", period(report.period()));
    root.set("previous_period", period(report.period().previous()));
    ObjectNode selection = root.putObject("selection");
    ArrayNode devices = selection.putArray("devices");
    report.request().selection().devices().stream().sorted().forEach(devices::add);
    ArrayNode tunnels = selection.putArray("tunnels");
    report.request().selection().tunnels().stream().sorted().forEach(tunnels::add);
    ObjectNode lifetimes = root.putObject("lifetimes");
    lifetimes.put("ike_seconds", report.request().rekeys().ikeLifetime().toSeconds());
    lifetimes.put("ipsec_seconds", report.request().rekeys().ipsecLifetime().toSeconds());
    root.set("fleet", fleet(report.fleet()));
    ArrayNode ranking = root.putArray("ranking");
    report.ranking().forEach(r -> ranking.add(r.subject().key()));
    ArrayNode tunnelRows = root.putArray("tunnels");
    report.tunnels().forEach(r -> tunnelRows.add(subject(r)));
    ArrayNode peerRows = root.putArray("peers");
    report.peers().forEach(r -> peerRows.add(subject(r)));
    ArrayNode cpu = root.putArray("cpu_peaks");
    report.cpuPeaks().forEach(p -> cpu.add(cpu(p)));
    return root;
  }

  private ObjectNode period(ReportPeriod period) {
    ObjectNode node = mapper.createObjectNode();
    node.put("from", period.from().toString());
    node.put("to", period.to().toString());
    node.put("seconds", Numbers.seconds(period.millis()));
    return node;
  }

  private ObjectNode fleet(FleetSummary fleet) {
    ObjectNode node = mapper.createObjectNode();
    node.put("devices", fleet.devices());
    node.put("tunnels", fleet.tunnels());
    node.put("peers", fleet.peers());
    node.put("basis", fleet.basis());
    node.set("availability", figures(fleet.figures()));
    node.set("previous", figures(fleet.previous()));
    node.set("change", change(fleet.change()));
    node.set("rekeys", rekeys(fleet.rekeys()));
    node.set("problems", problems(fleet.problems()));
    node.put("transmit_bytes", fleet.transmitBytes());
    node.put("receive_bytes", fleet.receiveBytes());
    node.put("device_reboots", fleet.deviceReboots());
    node.put("unreachable_episodes", fleet.unreachableEpisodes());
    node.set("worst_cpu", fleet.worstCpu().map(this::cpu).orElse(null));
    return node;
  }

  private ObjectNode subject(SubjectReport r) {
    ObjectNode node = mapper.createObjectNode();
    node.put("key", r.subject().key());
    node.put("kind", r.subject().tunnel().isPresent() ? "tunnel" : "peer");
    node.put("device", r.device());
    node.put("name", r.name());
    ArrayNode related = node.putArray("related");
    r.related().forEach(related::add);
    node.set("availability", figures(r.figures()));
    node.set("previous", figures(r.previous()));
    node.set("change", change(r.change()));
    ArrayNode outages = node.putArray("outages");
    for (Outage o : r.outages()) {
      ObjectNode outage = outages.addObject();
      outage.put("from", o.from().toString());
      outage.put("to", o.to().toString());
      outage.put("seconds", Numbers.seconds(o.millis()));
      outage.put("started_before_period", o.startedBefore());
      outage.put("ongoing_at_end", o.ongoing());
    }
    node.set("rekeys", rekeys(r.rekeys()));
    node.set("problems", problems(r.problems()));
    ObjectNode traffic = node.putObject("traffic");
    traffic.put("transmit_bytes", r.traffic().transmitBytes());
    traffic.put("receive_bytes", r.traffic().receiveBytes());
    ArrayNode days = traffic.putArray("days");
    for (DailyTraffic d : r.traffic().days()) {
      ObjectNode day = days.addObject();
      day.put("day", d.day().toString());
      day.put("transmit_bytes", d.transmitBytes());
      day.put("receive_bytes", d.receiveBytes());
    }
    node.set("cpu_peak", r.cpuPeak().map(this::cpu).orElse(null));
    ArrayNode timeline = node.putArray("timeline");
    for (Segment s : r.timeline()) {
      ObjectNode segment = timeline.addObject();
      segment.put("from", s.from().toString());
      segment.put("to", s.to().toString());
      segment.put("state", s.state().name().toLowerCase(Locale.ROOT));
    }
    return node;
  }

  private ObjectNode figures(Figures f) {
    ObjectNode node = mapper.createObjectNode();
    node.put("percent", f.availabilityPercent().orElse(null));
    node.put("coverage_percent", f.coveragePercent());
    node.put("up_seconds", Numbers.seconds(f.upMillis()));
    node.put("down_seconds", Numbers.seconds(f.downMillis()));
    node.put("unknown_seconds", Numbers.seconds(f.unknownMillis()));
    node.put("outages", f.outages());
    node.put("failures", f.failures());
    node.put("outage_seconds", Numbers.seconds(f.outageMillis()));
    node.put("longest_outage_seconds", Numbers.seconds(f.longestOutageMillis()));
    putSeconds(
        node,
        "mtbf_seconds",
        f.mtbfMillis().isPresent() ? Optional.of(f.mtbfMillis().getAsLong()) : Optional.empty());
    putSeconds(
        node,
        "mttr_seconds",
        f.mttrMillis().isPresent() ? Optional.of(f.mttrMillis().getAsLong()) : Optional.empty());
    return node;
  }

  private static void putSeconds(ObjectNode node, String key, Optional<Long> millis) {
    node.put(key, millis.map(Numbers::seconds).orElse(null));
  }

  private ObjectNode change(Change c) {
    ObjectNode node = mapper.createObjectNode();
    node.put("availability_points", c.availabilityPoints().orElse(null));
    node.put("outages", c.outages());
    node.put("outage_seconds", Numbers.seconds(c.outageMillis()));
    return node;
  }

  private ObjectNode rekeys(RekeyCounts r) {
    ObjectNode node = mapper.createObjectNode();
    node.put("ike", r.ike());
    node.put("ike_expected", r.expectedIke());
    node.put("ike_extra", r.extraIke());
    node.put("ipsec", r.ipsec());
    node.put("ipsec_expected", r.expectedIpsec());
    node.put("ipsec_extra", r.extraIpsec());
    return node;
  }

  private ObjectNode problems(Problems p) {
    ObjectNode node = mapper.createObjectNode();
    node.put("phase1_failures", p.phase1Failures());
    node.put("phase2_failures", p.phase2Failures());
    node.put("renegotiation_storms", p.renegotiationStorms());
    node.put("stall_episodes", p.stallEpisodes());
    node.put("stall_seconds", Numbers.seconds(p.stallMillis()));
    node.put("one_way_episodes", p.oneWayEpisodes());
    node.put("one_way_seconds", Numbers.seconds(p.oneWayMillis()));
    node.put("flaps", p.flaps());
    return node;
  }

  private ObjectNode cpu(CpuPeak p) {
    ObjectNode node = mapper.createObjectNode();
    node.put("device", p.device());
    node.put("hour", p.hour().toString());
    node.put("ratio", p.maxRatio());
    return node;
  }

  /** Jackson closes the writer it is given; the caller owns it. */
  private static final class NonClosingWriter extends java.io.FilterWriter {
    NonClosingWriter(Writer out) {
      super(out);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
