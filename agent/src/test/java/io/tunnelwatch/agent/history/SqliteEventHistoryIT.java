package io.tunnelwatch.agent.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunnelwatch.agent.events.Event;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract on a SQLite file, plus what only the file has. */
class SqliteEventHistoryIT extends EventHistoryContractTest {

  private static final CoverageGaps GAPS = EventHistoryContractTest.GAPS;

  @TempDir Path dir;

  @Override
  String jdbcUrl() {
    return JdbcEventHistory.sqliteUrl(dir);
  }

  @Test
  void aNewFileIsMigratedToTheLatestVersionInWalMode() throws SQLException {
    JdbcEventHistory.open(dir, GAPS).close();

    try (Connection c = DriverManager.getConnection(jdbcUrl());
        Statement s = c.createStatement()) {
      assertThat(
              EventHistoryContractTest.column(
                  s, "SELECT version FROM schema_version ORDER BY version"))
          .containsExactly("1", "2", "3");
      assertThat(EventHistoryContractTest.column(s, "PRAGMA journal_mode")).containsExactly("wal");
    }
  }

  @Test
  void aPasswordInTheJdbcUrlNeverAppearsInErrors() {
    assertThatThrownBy(
            () ->
                JdbcEventHistory.connect(
                    "jdbc:postgresql://127.0.0.1:1/tunnelwatch?user=tw&password=s3cr3t-pw", GAPS))
        .isInstanceOf(HistoryStoreException.class)
        .hasMessageContaining("jdbc:postgresql://127.0.0.1:1/tunnelwatch")
        .hasMessageNotContaining("s3cr3t-pw");
    assertThatThrownBy(() -> JdbcEventHistory.connect("jdbc:mysql://u:s3cr3t-pw@h/db", GAPS))
        .hasMessageContaining("expected a jdbc:sqlite: or jdbc:postgresql: URL")
        .hasMessageNotContaining("s3cr3t-pw");
  }

  @Test
  void eventsThatCannotBeWrittenAreKeptAndWrittenWithTheNextOne() throws SQLException {
    JdbcEventHistory store = JdbcEventHistory.open(dir, GAPS);
    Event first = HistoryFixtures.rekey(Instant.parse("2026-11-28T10:00:00Z"));
    Event second = HistoryFixtures.rekey(Instant.parse("2026-11-28T10:00:01Z"));
    try (Connection other = DriverManager.getConnection(jdbcUrl());
        Statement s = other.createStatement()) {
      // Another writer holds the database past the store's busy timeout.
      other.setAutoCommit(false);
      s.execute("INSERT INTO cpu_hourly VALUES (0, 'lock', 0.5)");
      store.onEvent(first);
      assertThat(store.unwrittenCount()).isEqualTo(1);
      other.rollback();
    }

    store.onEvent(second);

    assertThat(store.unwrittenCount()).isZero();
    assertThat(store.events(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z")))
        .containsExactly(first, second);
    store.close();
  }
}
