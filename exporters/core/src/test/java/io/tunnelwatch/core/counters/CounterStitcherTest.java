package io.tunnelwatch.core.counters;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunnelwatch.core.model.DeviceSnapshot;
import io.tunnelwatch.core.model.InterfaceCounters;
import io.tunnelwatch.core.model.IpsecCounters;
import io.tunnelwatch.core.model.IpsecFlow;
import io.tunnelwatch.core.model.Source;
import io.tunnelwatch.core.model.SpiPair;
import io.tunnelwatch.core.model.TunnelInterface;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CounterStitcherTest {

  private static final Instant T0 = Instant.parse("2026-11-28T12:00:00Z");
  private static final String PEER = "200.0.0.1";
  private static final String FLOW = "100.0.0.1/32:47->200.0.0.1/32:47";
  private static final String FLOW_OBJECT = SeriesKey.flowObject(PEER, FLOW);

  private static DeviceSnapshot snapshot(Instant at, long encrypted, long rxBytes, String spi) {
    TunnelInterface tunnel =
        new TunnelInterface(
            "Tunnel10",
            true,
            true,
            "100.0.0.1",
            "200.0.0.1",
            "GRE/IP",
            new InterfaceCounters(
                OptionalLong.empty(),
                OptionalLong.of(rxBytes),
                OptionalLong.empty(),
                OptionalLong.empty(),
                OptionalLong.empty(),
                OptionalLong.empty(),
                OptionalLong.empty(),
                OptionalLong.empty()));
    IpsecFlow flow =
        new IpsecFlow(
            PEER,
            FLOW,
            "GigabitEthernet0/0",
            true,
            Optional.of(new SpiPair(spi, spi + "0")),
            OptionalLong.of(3000),
            new IpsecCounters(
                OptionalLong.of(encrypted),
                OptionalLong.of(encrypted),
                OptionalLong.empty(),
                OptionalLong.empty(),
                OptionalLong.empty(),
                OptionalLong.empty(),
                OptionalLong.of(0),
                OptionalLong.of(0)));
    return new DeviceSnapshot(
        "R1", Source.SSH, at, List.of(tunnel), List.of(), List.of(flow), Optional.empty());
  }

  private static long encrypted(CounterStitcher.Result result) {
    return result.snapshot().ipsecFlows().get(0).counters().encrypted().orElseThrow();
  }

  private static long rxBytes(CounterStitcher.Result result) {
    return result.snapshot().tunnels().get(0).counters().receiveBytes().orElseThrow();
  }

  @Test
  void aSeriesStartsAtTheRoutersValueAndThenAddsDeltas() {
    var first = CounterStitcher.stitch(Map.of(), snapshot(T0, 500, 7000, "0xA"), Set.of());
    var second =
        CounterStitcher.stitch(
            first.series(), snapshot(T0.plusSeconds(30), 650, 7100, "0xA"), Set.of());

    assertThat(encrypted(first)).isEqualTo(500);
    assertThat(rxBytes(first)).isEqualTo(7000);
    assertThat(encrypted(second)).isEqualTo(650);
    assertThat(rxBytes(second)).isEqualTo(7100);
    // Absent counters stay absent rather than becoming zero.
    assertThat(second.snapshot().tunnels().get(0).counters().transmitBytes()).isEmpty();
  }

  @Test
  void aResetAddsTheNewValueAndKeepsTheSeriesCreatedTime() {
    var first = CounterStitcher.stitch(Map.of(), snapshot(T0, 500, 7000, "0xA"), Set.of());
    // clear crypto sa, then 40 packets before the next poll
    var afterClear =
        CounterStitcher.stitch(
            first.series(), snapshot(T0.plusSeconds(30), 40, 7100, "0xB"), Set.of());
    var later =
        CounterStitcher.stitch(
            afterClear.series(), snapshot(T0.plusSeconds(60), 90, 7200, "0xB"), Set.of());

    assertThat(encrypted(afterClear)).isEqualTo(540);
    assertThat(encrypted(later)).isEqualTo(590);
    assertThat(later.createdTimes())
        .containsEntry(new SeriesKey(FLOW_OBJECT, CounterField.IPSEC_ENCRYPTED), T0)
        .containsEntry(SeriesKey.tunnel("Tunnel10", CounterField.TUNNEL_RECEIVE_BYTES), T0);
  }

  @Test
  void a32BitWrapAddsTheNewValueNeverANegativeDelta() {
    long nearTop = (1L << 32) - 10;
    var first = CounterStitcher.stitch(Map.of(), snapshot(T0, 5, nearTop, "0xA"), Set.of());
    var wrapped =
        CounterStitcher.stitch(
            first.series(), snapshot(T0.plusSeconds(30), 6, 25, "0xA"), Set.of());

    assertThat(rxBytes(wrapped)).isEqualTo(nearTop + 25);
  }

  @Test
  void aKnownRestartAddsTheWholeNewValueEvenWhenItIsHigher() {
    // After a reboot the counter may already have passed its old value by the next poll.
    var first = CounterStitcher.stitch(Map.of(), snapshot(T0, 100, 7000, "0xA"), Set.of());
    var rebooted =
        CounterStitcher.stitch(
            first.series(),
            snapshot(T0.plusSeconds(600), 150, 9000, "0xC"),
            Set.of(FLOW_OBJECT, SeriesKey.tunnelObject("Tunnel10")));

    assertThat(encrypted(rebooted)).isEqualTo(250);
    assertThat(rxBytes(rebooted)).isEqualTo(16000);
  }

  @Test
  void aSeriesAbsentFromOnePollContinuesWhereItWas() {
    var first = CounterStitcher.stitch(Map.of(), snapshot(T0, 500, 7000, "0xA"), Set.of());
    DeviceSnapshot empty =
        new DeviceSnapshot(
            "R1",
            Source.SSH,
            T0.plusSeconds(30),
            List.of(),
            List.of(),
            List.of(),
            Optional.empty());
    var gone = CounterStitcher.stitch(first.series(), empty, Set.of());
    var back =
        CounterStitcher.stitch(
            gone.series(), snapshot(T0.plusSeconds(60), 3, 7010, "0xD"), Set.of());

    assertThat(encrypted(back)).isEqualTo(503);
    assertThat(rxBytes(back)).isEqualTo(7010);
  }

  @Test
  void theStitchedSeriesNeverDecreasesWhateverTheRouterSays() {
    Random random = new Random(42);
    Map<SeriesKey, SeriesState> series = Map.of();
    long previous = -1;
    long raw = 0;
    for (int i = 0; i < 2000; i++) {
      int move = random.nextInt(10);
      raw = move == 0 ? random.nextInt(100) : raw + random.nextInt(1000);
      var result =
          CounterStitcher.stitch(
              series, snapshot(T0.plus(Duration.ofSeconds(i)), raw, raw, "0xA"), Set.of());
      long now = encrypted(result);
      assertThat(now).isGreaterThanOrEqualTo(previous);
      assertThat(now).isGreaterThanOrEqualTo(raw);
      previous = now;
      series = result.series();
    }
  }
}
