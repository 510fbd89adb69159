package io.tunnelwatch.ios.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ReconnectingCliSessionTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(1);

  /** A session that answers every command with its own id until told to fail. */
  private static final class FakeSession implements CliSession {
    final int id;
    boolean open = true;
    CliException failNext;

    FakeSession(int id) {
      this.id = id;
    }

    @Override
    public String execute(String command, Duration timeout) throws CliException {
      if (failNext != null) {
        CliException e = failNext;
        failNext = null;
        throw e;
      }
      return "session " + id + ": " + command;
    }

    @Override
    public boolean isOpen() {
      return open;
    }

    @Override
    public void close() {
      open = false;
    }
  }

  private final AtomicLong nanos = new AtomicLong();
  private final List<FakeSession> opened = new ArrayList<>();
  private final List<CliException> openFailures = new ArrayList<>();

  private ReconnectingCliSession session() {
    return new ReconnectingCliSession(
        () -> {
          if (!openFailures.isEmpty()) {
            throw openFailures.remove(0);
          }
          FakeSession s = new FakeSession(opened.size() + 1);
          opened.add(s);
          return s;
        },
        new ReconnectingCliSession.Backoff(Duration.ofSeconds(1), Duration.ofSeconds(8)),
        nanos::get);
  }

  @Test
  void reusesOneSessionAcrossCommands() throws CliException {
    ReconnectingCliSession session = session();

    assertThat(session.execute("show a", TIMEOUT)).isEqualTo("session 1: show a");
    assertThat(session.execute("show b", TIMEOUT)).isEqualTo("session 1: show b");
    assertThat(opened).hasSize(1);
  }

  @Test
  void reopensAfterTheSessionDropped() throws CliException {
    ReconnectingCliSession session = session();
    session.execute("show a", TIMEOUT);
    opened.get(0).open = false;

    assertThat(session.execute("show b", TIMEOUT)).isEqualTo("session 2: show b");
  }

  @Test
  void aTimeoutDiscardsTheSessionSoLateOutputCannotLeakIntoTheNextCommand() throws CliException {
    ReconnectingCliSession session = session();
    session.execute("show a", TIMEOUT);
    opened.get(0).failNext = new CliException(CliException.Kind.TIMEOUT, "slow");

    assertThatThrownBy(() -> session.execute("show b", TIMEOUT)).isInstanceOf(CliException.class);
    assertThat(opened.get(0).open).isFalse();
    assertThat(session.execute("show c", TIMEOUT)).isEqualTo("session 2: show c");
  }

  @Test
  void backsOffExponentiallyAfterFailedConnects() throws CliException {
    ReconnectingCliSession session = session();
    openFailures.add(new CliException(CliException.Kind.CONNECT, "refused"));
    openFailures.add(new CliException(CliException.Kind.CONNECT, "refused again"));

    assertThatThrownBy(() -> session.execute("show a", TIMEOUT)).hasMessage("refused");
    // Within the first back-off (1 s) nothing is attempted: the last failure is repeated.
    nanos.addAndGet(Duration.ofMillis(500).toNanos());
    assertThatThrownBy(() -> session.execute("show a", TIMEOUT))
        .hasMessageStartingWith("refused (next attempt in");
    assertThat(openFailures).hasSize(1);

    nanos.addAndGet(Duration.ofMillis(600).toNanos());
    assertThatThrownBy(() -> session.execute("show a", TIMEOUT)).hasMessage("refused again");
    // The second back-off is 2 s.
    nanos.addAndGet(Duration.ofMillis(1500).toNanos());
    assertThatThrownBy(() -> session.execute("show a", TIMEOUT))
        .hasMessageStartingWith("refused again (next attempt in");
    nanos.addAndGet(Duration.ofMillis(600).toNanos());
    assertThat(session.execute("show a", TIMEOUT)).isEqualTo("session 1: show a");
  }

  @Test
  void backoffIsCapped() {
    ReconnectingCliSession.Backoff backoff =
        new ReconnectingCliSession.Backoff(Duration.ofSeconds(1), Duration.ofMinutes(2));

    assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(backoff.delayAfter(4)).isEqualTo(Duration.ofSeconds(8));
    assertThat(backoff.delayAfter(50)).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void aClosedSessionOpensNothingMore() throws CliException {
    ReconnectingCliSession session = session();
    session.execute("show a", TIMEOUT);

    session.close();

    assertThatThrownBy(() -> session.execute("show b", TIMEOUT))
        .isInstanceOfSatisfying(
            CliException.class,
            e -> assertThat(e.kind()).isEqualTo(CliException.Kind.DISCONNECTED));
    assertThat(opened).hasSize(1);
    assertThat(opened.get(0).open).isFalse();
  }

  @Test
  void aLoginUnderWayWhenTheSessionIsClosedEndsClosedWithoutACommand() {
    List<FakeSession> loggedIn = new ArrayList<>();
    ReconnectingCliSession[] holder = new ReconnectingCliSession[1];
    ReconnectingCliSession session =
        new ReconnectingCliSession(
            () -> {
              // Another thread (a handover, a shutdown) closes while the login is under way.
              holder[0].close();
              FakeSession s = new FakeSession(1);
              loggedIn.add(s);
              return s;
            },
            new ReconnectingCliSession.Backoff(Duration.ofSeconds(1), Duration.ofSeconds(8)),
            nanos::get);
    holder[0] = session;

    assertThatThrownBy(() -> session.execute("show a", TIMEOUT))
        .isInstanceOfSatisfying(
            CliException.class,
            e -> assertThat(e.kind()).isEqualTo(CliException.Kind.DISCONNECTED));
    assertThat(loggedIn).singleElement().satisfies(s -> assertThat(s.open).isFalse());
    assertThat(session.isOpen()).isFalse();
  }
}
