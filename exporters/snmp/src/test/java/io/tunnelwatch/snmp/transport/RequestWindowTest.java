package io.tunnelwatch.snmp.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestWindowTest {

  private final List<Integer> sent = new ArrayList<>();

  private void submit(RequestWindow window, int request, boolean staysInFlight) {
    window.submit(
        () -> {
          sent.add(request);
          return staysInFlight;
        });
  }

  @Test
  void sendsUpToItsCapacityAndQueuesTheRestInArrivalOrder() {
    RequestWindow window = new RequestWindow(2);
    for (int i = 1; i <= 5; i++) {
      submit(window, i, true);
    }

    assertThat(sent).containsExactly(1, 2);
    assertThat(window.inFlight()).isEqualTo(2);
    assertThat(window.waiting()).isEqualTo(3);

    window.release();
    assertThat(sent).containsExactly(1, 2, 3);
    assertThat(window.inFlight()).isEqualTo(2);

    window.release();
    window.release();
    window.release();
    assertThat(sent).containsExactly(1, 2, 3, 4, 5);
    assertThat(window.inFlight()).isEqualTo(1);
    assertThat(window.waiting()).isZero();
    assertThat(window.peakInFlight()).isEqualTo(2);
  }

  @Test
  void aRequestThatEndsAtOncePassesItsPlaceToTheNext() {
    RequestWindow window = new RequestWindow(1);
    submit(window, 1, true);
    submit(window, 2, false);
    submit(window, 3, true);

    window.release();

    assertThat(sent).containsExactly(1, 2, 3);
    assertThat(window.inFlight()).isEqualTo(1);
  }

  @Test
  void aClosedSocketFailingEveryQueuedRequestDoesNotExhaustTheStack() {
    RequestWindow window = new RequestWindow(1);
    submit(window, 0, true);
    for (int i = 1; i <= 200_000; i++) {
      submit(window, i, false);
    }

    window.release();

    assertThat(sent).hasSize(200_001);
    assertThat(window.inFlight()).isZero();
    assertThat(window.waiting()).isZero();
  }

  @Test
  void refusesAWindowWithoutRoom() {
    assertThatThrownBy(() -> new RequestWindow(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1");
  }
}
