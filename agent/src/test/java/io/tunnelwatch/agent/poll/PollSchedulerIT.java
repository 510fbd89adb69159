package io.tunnelwatch.agent.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The real Quartz scheduler on the real clock: timing is the point here. */
class PollSchedulerIT {

  /** How late a poll may start on a busy machine and still count as on time. */
  private static final Duration SLACK = Duration.ofMillis(750);

  @Test
  void everyDeviceOfAFleetIsPolledInEachOfThreeConsecutiveIntervals() throws Exception {
    Duration interval = Duration.ofSeconds(3);
    // 320 polls of 60 ms on 16 workers need 1.2 s of each 3 s interval: plenty if spread (room
    // for a busy CI machine), too much for a burst that must start within Quartz's usual
    // one-second misfire threshold.
    List<TimedPoll> fleet = fleet(320, Duration.ofMillis(60));
    RecordingObserver observer = new RecordingObserver();
    Instant start = Instant.now();

    try (PollScheduler scheduler =
        new PollScheduler(
            fleet, intervals(fleet, interval), 16, 1000, Duration.ofSeconds(5), observer)) {
      scheduler.start();
      Instant end = start.plus(interval.multipliedBy(4));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> fleet.stream().allMatch(poll -> poll.startedAtOrAfter(end)));
    }

    // After its first poll at start, each device's regular polls must come one interval apart
    // (a poll starting a little late is fine; a skipped or missing one is not), three at least.
    Instant end = start.plus(interval.multipliedBy(4));
    Duration longestGapAllowed = interval.plus(SLACK);
    for (TimedPoll poll : fleet) {
      List<Instant> regular =
          poll.starts.stream().skip(1).filter(s -> !s.isAfter(end)).sorted().toList();
      assertThat(regular)
          .as("regular polls of %s before %s", poll.device(), end)
          .hasSizeGreaterThanOrEqualTo(3);
      for (int i = 1; i < regular.size(); i++) {
        assertThat(Duration.between(regular.get(i - 1), regular.get(i)))
            .as("gap between polls %d and %d of %s", i, i + 1, poll.device())
            .isLessThanOrEqualTo(longestGapAllowed);
      }
    }
    assertThat(observer.skipped).isEmpty();
    assertThat(fleet).allSatisfy(poll -> assertThat(poll.mostAtOnce.get()).isEqualTo(1));
  }

  @Test
  void pollsThatWaitForAnswersHoldNoWorkerSoOneWorkerKeepsAWholeFleetOnItsInterval()
      throws Exception {
    Duration interval = Duration.ofSeconds(2);
    // Each poll waits 500 ms for its "router" without a thread, as an SNMP poll waits for
    // answers: one worker serves 200 of them per interval. Were the wait to hold the worker, it
    // could serve four.
    List<WaitingPoll> fleet =
        IntStream.range(0, 200)
            .mapToObj(i -> new WaitingPoll(String.format("s%04d", i), Duration.ofMillis(500)))
            .toList();
    RecordingObserver observer = new RecordingObserver();
    Map<String, Duration> intervals =
        fleet.stream().collect(Collectors.toMap(WaitingPoll::device, p -> interval));

    try (PollScheduler scheduler =
        new PollScheduler(fleet, intervals, 1, 1000, Duration.ofSeconds(5), observer)) {
      scheduler.start();
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> fleet.stream().allMatch(poll -> poll.ended.get() >= 3));
    }

    assertThat(observer.skipped).isEmpty();
    assertThat(fleet).allSatisfy(poll -> assertThat(poll.mostAtOnce.get()).isEqualTo(1));
  }

  @Test
  void atMostTheGivenNumberOfPollsAreInProgressAndTheFleetStillKeepsItsInterval() throws Exception {
    Duration interval = Duration.ofSeconds(3);
    // 200 polls of 100 ms, 20 at a time: 1 s of each 3 s interval. All 200 are due at once at
    // start; without the bound all would be in progress together.
    AtomicInteger inProgress = new AtomicInteger();
    AtomicInteger mostInProgress = new AtomicInteger();
    List<WaitingPoll> fleet =
        IntStream.range(0, 200)
            .mapToObj(
                i ->
                    new WaitingPoll(
                        String.format("g%04d", i),
                        Duration.ofMillis(100),
                        inProgress,
                        mostInProgress))
            .toList();
    RecordingObserver observer = new RecordingObserver();
    Map<String, Duration> intervals =
        fleet.stream().collect(Collectors.toMap(WaitingPoll::device, p -> interval));

    try (PollScheduler scheduler =
        new PollScheduler(fleet, intervals, 4, 20, Duration.ofSeconds(5), observer)) {
      scheduler.start();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> fleet.stream().allMatch(poll -> poll.ended.get() >= 3));
    }

    assertThat(mostInProgress.get()).isEqualTo(20);
    assertThat(observer.skipped).isEmpty();
  }

  @Test
  void aPollThatCannotStartBeforeTheNextIsDueIsSkippedAndReported() throws Exception {
    Duration interval = Duration.ofMillis(500);
    // One worker and polls longer than the interval: the fleet cannot keep up.
    List<TimedPoll> fleet = fleet(2, Duration.ofMillis(700));
    RecordingObserver observer = new RecordingObserver();

    try (PollScheduler scheduler =
        new PollScheduler(
            fleet, intervals(fleet, interval), 1, 1000, Duration.ofSeconds(5), observer)) {
      scheduler.start();
      await().atMost(Duration.ofSeconds(10)).until(() -> observer.skipped.size() >= 2);
    }

    assertThat(observer.skipped)
        .allSatisfy(lag -> assertThat(lag).isGreaterThanOrEqualTo(interval));
    assertThat(fleet).allSatisfy(poll -> assertThat(poll.starts).isNotEmpty());
    assertThat(fleet).allSatisfy(poll -> assertThat(poll.mostAtOnce.get()).isEqualTo(1));
  }

  @Test
  void aPollThatAwaitsConfirmationIsRepeatedAfterTheDelayNotAfterTheInterval() throws Exception {
    Duration interval = Duration.ofSeconds(30);
    TimedPoll poll = new TimedPoll("r0001", Duration.ZERO);
    poll.confirmationsWanted.set(1);

    try (PollScheduler scheduler =
        new PollScheduler(
            List.of(poll),
            intervals(List.of(poll), interval),
            2,
            1000,
            Duration.ofMillis(300),
            new RecordingObserver())) {
      scheduler.start();
      await().atMost(Duration.ofSeconds(10)).until(() -> poll.starts.size() >= 2);
    }

    List<Instant> starts = List.copyOf(poll.starts);
    // Quartz keeps fire times in whole milliseconds, so the repeat may come a fraction of one
    // early.
    assertThat(Duration.between(starts.get(0), starts.get(1)))
        .isBetween(Duration.ofMillis(299), Duration.ofSeconds(5));
  }

  private static List<TimedPoll> fleet(int size, Duration work) {
    return IntStream.range(0, size)
        .mapToObj(i -> new TimedPoll(String.format("r%04d", i), work))
        .toList();
  }

  private static Map<String, Duration> intervals(List<TimedPoll> fleet, Duration interval) {
    return fleet.stream()
        .collect(
            Collectors.toMap(
                TimedPoll::device, Function.<TimedPoll>identity().andThen(p -> interval)));
  }

  /** A poll that takes a fixed time and remembers when it started and how many ran at once. */
  private static final class TimedPoll implements ScheduledPoll {
    private final String device;
    private final Duration work;
    private final ConcurrentLinkedQueue<Instant> starts = new ConcurrentLinkedQueue<>();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private final AtomicInteger confirmationsWanted = new AtomicInteger();

    TimedPoll(String device, Duration work) {
      this.device = device;
      this.work = work;
    }

    @Override
    public String device() {
      return device;
    }

    @Override
    public CompletableFuture<Void> start(Executor workers) {
      starts.add(Instant.now());
      mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
      // Stands for the time a router takes to answer over SSH, holding a worker.
      LockSupport.parkNanos(work.toNanos());
      running.decrementAndGet();
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public boolean awaitsConfirmation() {
      return confirmationsWanted.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }

    boolean startedAtOrAfter(Instant instant) {
      return starts.stream().anyMatch(s -> !s.isBefore(instant));
    }

    @Override
    public void close() {}
  }

  /** A poll that waits for its answer without holding a thread. */
  private static final class WaitingPoll implements ScheduledPoll {
    private final String device;
    private final Executor answers;
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private final AtomicInteger ended = new AtomicInteger();
    private final AtomicInteger fleetInProgress;
    private final AtomicInteger fleetMostInProgress;

    WaitingPoll(String device, Duration wait) {
      this(device, wait, new AtomicInteger(), new AtomicInteger());
    }

    /** Also counts the polls of the whole fleet in progress, in the counters given. */
    WaitingPoll(
        String device,
        Duration wait,
        AtomicInteger fleetInProgress,
        AtomicInteger fleetMostInProgress) {
      this.device = device;
      this.answers = CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS);
      this.fleetInProgress = fleetInProgress;
      this.fleetMostInProgress = fleetMostInProgress;
    }

    @Override
    public String device() {
      return device;
    }

    @Override
    public CompletableFuture<Void> start(Executor workers) {
      mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
      fleetMostInProgress.accumulateAndGet(fleetInProgress.incrementAndGet(), Math::max);
      return CompletableFuture.runAsync(
          () -> {
            fleetInProgress.decrementAndGet();
            running.decrementAndGet();
            ended.incrementAndGet();
          },
          answers);
    }

    @Override
    public void close() {}
  }

  private static final class RecordingObserver implements PollScheduleObserver {
    private final Map<String, Duration> started = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Duration> skipped = new ConcurrentLinkedQueue<>();

    @Override
    public void pollStarted(String device, Duration lag) {
      started.put(device, lag);
    }

    @Override
    public void pollSkipped(String device, Duration lag) {
      skipped.add(lag);
    }
  }
}
