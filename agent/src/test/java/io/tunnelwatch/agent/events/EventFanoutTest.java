package io.tunnelwatch.agent.events;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class EventFanoutTest {

  private static final Instant AT = Instant.parse("2026-11-28T12:00:00Z");

  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final Logger logger = (Logger) LoggerFactory.getLogger(EventFanout.class);

  @BeforeEach
  void captureLogs() {
    logs.start();
    logger.addAppender(logs);
  }

  @AfterEach
  void release() {
    logger.detachAppender(logs);
  }

  private static Event rekey(int i) {
    return new Event(
        AT.plusSeconds(i),
        ObjectRef.peer("R1", "200.0.0.1"),
        EventKind.IKE_REKEY,
        EventStatus.OCCURRED,
        Severity.INFO,
        "R1: IKE SA to 200.0.0.1 rekeyed (" + i + ")",
        List.of());
  }

  @Test
  void aThrowingListenerIsLoggedOnceAndTheOthersStillHearEverything() {
    List<Event> heard = new ArrayList<>();
    List<StateTransition> moved = new ArrayList<>();
    EventListener broken =
        new EventListener() {
          @Override
          public void onEvent(Event event) {
            throw new IllegalStateException("disk full");
          }

          @Override
          public void onTransition(StateTransition transition) {
            throw new IllegalStateException("disk full");
          }
        };
    EventListener recorder =
        new EventListener() {
          @Override
          public void onEvent(Event event) {
            heard.add(event);
          }

          @Override
          public void onTransition(StateTransition transition) {
            moved.add(transition);
          }
        };
    EventFanout fanout = new EventFanout(List.of(broken, recorder));

    for (int i = 0; i < 3; i++) {
      fanout.onEvent(rekey(i));
    }
    fanout.onTransition(
        new StateTransition(
            AT, ObjectRef.tunnel("R1", "Tunnel10"), ObjectState.UP, ObjectState.DOWN, "down"));

    assertThat(heard)
        .extracting(Event::summary)
        .containsExactly(
            "R1: IKE SA to 200.0.0.1 rekeyed (0)",
            "R1: IKE SA to 200.0.0.1 rekeyed (1)",
            "R1: IKE SA to 200.0.0.1 rekeyed (2)");
    assertThat(moved).hasSize(1);
    assertThat(logs.list)
        .filteredOn(e -> e.getLevel() == Level.WARN)
        .singleElement()
        .satisfies(e -> assertThat(e.getFormattedMessage()).contains("disk full"));
  }

  @Test
  void everyEventIsLoggedOnceAtInfo() {
    new EventFanout(List.of()).onEvent(rekey(7));

    assertThat(logs.list)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getLevel()).isEqualTo(Level.INFO);
              assertThat(e.getFormattedMessage())
                  .isEqualTo("ike_rekey occurred [info] R1: IKE SA to 200.0.0.1 rekeyed (7)");
            });
  }
}
