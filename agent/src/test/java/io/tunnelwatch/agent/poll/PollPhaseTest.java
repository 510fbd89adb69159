package io.tunnelwatch.agent.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PollPhaseTest {

  private static final Duration MINUTE = Duration.ofMinutes(1);

  @Test
  void offsetIsStableAndInsideTheInterval() {
    Duration offset = PollPhase.offset("r1-hub", MINUTE);

    assertThat(PollPhase.offset("r1-hub", MINUTE)).isEqualTo(offset);
    assertThat(offset).isGreaterThanOrEqualTo(Duration.ZERO).isLessThan(MINUTE);
  }

  @Test
  void aFleetOfSimilarNamesIsSpreadEvenlyOverTheInterval() {
    int[] perTenth = new int[10];
    IntStream.range(0, 10_000)
        .mapToObj(i -> String.format("r%05d", i))
        .map(name -> PollPhase.offset(name, MINUTE).toMillis())
        .forEach(ms -> perTenth[(int) (ms * 10 / MINUTE.toMillis())]++);

    // 1,000 per tenth if perfectly even; String.hashCode alone would put them in a few tenths.
    assertThat(IntStream.of(perTenth)).allSatisfy(count -> assertThat(count).isBetween(850, 1150));
  }

  @Test
  void firstSlotIsTheNextInstantAtTheDevicesOffset() {
    Instant earliest = Instant.parse("2026-12-02T10:00:07.250Z");
    Instant slot = PollPhase.firstSlotAtOrAfter("r7", MINUTE, earliest);

    assertThat(slot).isAfterOrEqualTo(earliest).isBefore(earliest.plus(MINUTE));
    assertThat(slot.toEpochMilli() % MINUTE.toMillis())
        .isEqualTo(PollPhase.offset("r7", MINUTE).toMillis());
  }

  @Test
  void aRestartKeepsTheDeviceAtTheSamePlaceInTheInterval() {
    Instant before =
        PollPhase.firstSlotAtOrAfter("r7", MINUTE, Instant.parse("2026-12-02T10:00:00Z"));
    Instant after =
        PollPhase.firstSlotAtOrAfter("r7", MINUTE, Instant.parse("2026-12-02T13:17:41Z"));

    assertThat(Duration.between(before, after).toMillis() % MINUTE.toMillis()).isZero();
  }

  @Test
  void anEarliestInstantExactlyOnTheSlotIsThatSlot() {
    Instant slot =
        PollPhase.firstSlotAtOrAfter("r7", MINUTE, Instant.parse("2026-12-02T10:00:00Z"));

    assertThat(PollPhase.firstSlotAtOrAfter("r7", MINUTE, slot)).isEqualTo(slot);
  }
}
