package io.tunnelwatch.agent.history;

import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** The store's contract on a real PostgreSQL 15, one fresh schema per test. */
class PostgresEventHistoryTest extends EventHistoryContractTest {

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
}
