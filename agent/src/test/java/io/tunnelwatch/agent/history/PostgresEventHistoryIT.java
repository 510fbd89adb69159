package io.tunnelwatch.agent.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunnelwatch.agent.events.Event;
import io.tunnelwatch.testing.postgres.RunningPostgres;
import java.sql.SQLException;
import java.time.Instant;
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
}
