package io.tunnelwatch.agent.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunnelwatch.agent.events.Event;
import io.tunnelwatch.testing.postgres.RunningPostgres;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The store's contract on a real PostgreSQL 15, one fresh schema per test. */
class PostgresEventHistoryIT extends EventHistoryContractTest {

  private static RunningPostgres postgres;
  private String url;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = RunningPostgres.start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    if (postgres != null) {
      postgres.close();
    }
  }

  @BeforeEach
  void freshDatabase() throws SQLException {
    url = postgres.newEmptySchema();
  }

  @Override
  String jdbcUrl() {
    return url;
  }

  @Test
  void eventsGivenWhileTheServerIsDownAreWrittenAfterItRestarts() throws Exception {
    Event before = HistoryFixtures.rekey(Instant.parse("2026-11-28T10:00:00Z"));
    Event during = HistoryFixtures.rekey(Instant.parse("2026-11-28T10:00:01Z"));
    Event after = HistoryFixtures.rekey(Instant.parse("2026-11-28T10:00:02Z"));
    try (JdbcEventHistory store = JdbcEventHistory.connect(url, GAPS)) {
      store.onEvent(before);
      postgres.stopServer();
      try {
        store.onEvent(during);
        assertThat(store.unwrittenCount()).isEqualTo(1);
      } finally {
        postgres.startServer();
      }

      store.onEvent(after);

      assertThat(store.unwrittenCount()).isZero();
      assertThat(store.events(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z")))
          .containsExactly(before, during, after);
    }
  }

  /**
   * Members of a cluster started together on a new database: each migrates it, one after the other;
   * without that, two CREATE TABLEs of one name race and one member fails to start.
   */
  @Test
  void agentsMigratingANewDatabaseAtOnceAllStart() throws Exception {
    int agents = 6;
    ExecutorService threads = Executors.newFixedThreadPool(agents);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<Integer>> started = new ArrayList<>();
      for (int i = 0; i < agents; i++) {
        started.add(
            threads.submit(
                () -> {
                  go.await();
                  try (JdbcEventHistory store = JdbcEventHistory.connect(url, GAPS)) {
                    return store.events(Instant.EPOCH, Instant.now()).size();
                  }
                }));
      }
      go.countDown();
      for (Future<Integer> agent : started) {
        assertThat(agent.get(60, TimeUnit.SECONDS)).isZero();
      }
    } finally {
      threads.shutdownNow();
    }
  }
}
