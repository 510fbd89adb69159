package io.tunnelwatch.agent.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class PollGateTest {

  @Test
  void letsInUpToTheLimitThenTheWaitersInTheOrderTheyCame() {
    PollGate gate = new PollGate(2);
    CompletableFuture<Void> first = gate.enter();
    CompletableFuture<Void> second = gate.enter();
    CompletableFuture<Void> third = gate.enter();
    CompletableFuture<Void> fourth = gate.enter();

    assertThat(first).isDone();
    assertThat(second).isDone();
    assertThat(third).isNotDone();
    assertThat(gate.waiting()).isEqualTo(2);

    gate.release();
    assertThat(third).isDone();
    assertThat(fourth).isNotDone();
    gate.release();
    assertThat(fourth).isDone();
    assertThat(gate.waiting()).isZero();
  }

  @Test
  void aReleaseWithNobodyWaitingFreesAPlace() {
    PollGate gate = new PollGate(1);
    gate.enter();
    gate.release();

    assertThat(gate.enter()).isDone();
    assertThat(gate.enter()).isNotDone();
  }

  @Test
  void closingCancelsTheWaitersAndRefusesNewcomers() {
    PollGate gate = new PollGate(1);
    gate.enter();
    CompletableFuture<Void> waiter = gate.enter();

    gate.close();

    assertThat(waiter).isCancelled();
    assertThat(gate.enter()).isCompletedExceptionally();
    assertThat(gate.waiting()).isZero();
  }

  @Test
  void refusesALimitBelowOne() {
    assertThatThrownBy(() -> new PollGate(0)).hasMessageContaining("at least 1, got 0");
  }
}
