package io.tunnelwatch.agent.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunnelwatch.agent.events.Event;
import io.tunnelwatch.testing.process.ProcessRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reader (the report command) opens the history without writing anything. */
class ReadOnlyHistoryIT {

  private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
  private static final Instant END = Instant.parse("2100-01-01T00:00:00Z");

  @TempDir Path dir;
  private boolean immutable;

  @AfterEach
  void writable() throws IOException {
    if (immutable) {
      ProcessRunner.run("chattr", "-i", dir.toString()).requireSuccess();
    }
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
  }

  private Event storedEvent() {
    Event event = HistoryFixtures.rekey(T0);
    try (JdbcEventHistory store = JdbcEventHistory.open(dir, EventHistoryContractTest.GAPS)) {
      store.append(event);
      store.recordPoll("R1", T0, true);
    }
    return event;
  }

  private List<String> files() throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** chmod is enough for a user; root ignores it, so then the directory is made immutable. */
  private void makeReadOnly() throws IOException {
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-x------"));
    Path probe = dir.resolve("probe");
    try {
      Files.createFile(probe);
      Files.delete(probe);
    } catch (IOException refused) {
      return;
    }
    immutable = ProcessRunner.run("chattr", "+i", dir.toString()).exitCode() == 0;
    // Not an assumption: a skipped test would hide that the read-only path went untested.
    assertThat(immutable)
        .as("chattr +i on " + dir + " (e2fsprogs; an ext4-like file system)")
        .isTrue();
  }

  @Test
  void aReadOnlyStateDirectoryCanBeReadAndNothingIsCreatedInIt() throws IOException {
    Event event = storedEvent();
    List<String> before = files();
    makeReadOnly();

    try (JdbcEventHistory history = JdbcEventHistory.openReadOnly(dir)) {
      assertThat(history.events(Instant.EPOCH, END)).containsExactly(event);
    }

    assertThat(files()).isEqualTo(before).containsExactly(JdbcEventHistory.FILE_NAME);
  }

  @Test
  void aReaderCreatesNoWalFilesInAWritableDirectoryEither() throws IOException {
    storedEvent();

    try (JdbcEventHistory history = JdbcEventHistory.openReadOnly(dir)) {
      assertThat(history.coverage(Instant.EPOCH, END)).hasSize(1);
    }

    assertThat(files()).containsExactly(JdbcEventHistory.FILE_NAME);
  }

  @Test
  void whileTheAgentWritesTheReaderSeesItsCommittedWrites() {
    try (JdbcEventHistory agent = JdbcEventHistory.open(dir, EventHistoryContractTest.GAPS)) {
      Event event = HistoryFixtures.rekey(T0);
      agent.append(event);
      assertThat(dir.resolve(JdbcEventHistory.FILE_NAME + "-wal")).exists();

      try (JdbcEventHistory reader = JdbcEventHistory.openReadOnly(dir)) {
        assertThat(reader.events(Instant.EPOCH, END)).containsExactly(event);
      }
    }
  }

  @Test
  void aReaderCannotWrite() {
    storedEvent();

    try (JdbcEventHistory history = JdbcEventHistory.openReadOnly(dir)) {
      assertThatThrownBy(() -> history.append(HistoryFixtures.rekey(T0)))
          .isInstanceOf(HistoryStoreException.class);
    }
  }

  @Test
  void anEmptyFileIsRefusedAndLeftEmpty() throws IOException {
    Path file = Files.createFile(dir.resolve(JdbcEventHistory.FILE_NAME));

    assertThatThrownBy(() -> JdbcEventHistory.openReadOnly(dir))
        .isInstanceOf(HistoryStoreException.class)
        .hasMessage(
            file
                + " is empty, not a tunnelwatch history (was the agent stopped while"
                + " creating it?)");
    assertThat(file).isEmptyFile();
    assertThat(files()).containsExactly(JdbcEventHistory.FILE_NAME);
  }

  @Test
  void aFileThatIsNotADatabaseIsRefused() throws IOException {
    Path file = Files.writeString(dir.resolve(JdbcEventHistory.FILE_NAME), "devices:\n  - R1\n");

    assertThatThrownBy(() -> JdbcEventHistory.openReadOnly(dir))
        .isInstanceOf(HistoryStoreException.class)
        .hasMessage(file + " is not an SQLite database, so not a tunnelwatch history");
  }

  @Test
  void anotherSqliteDatabaseIsRefused() throws SQLException {
    try (Connection c = DriverManager.getConnection(JdbcEventHistory.sqliteUrl(dir));
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE unrelated (x)");
    }

    assertThatThrownBy(() -> JdbcEventHistory.openReadOnly(dir))
        .isInstanceOf(HistoryStoreException.class)
        .hasMessageContaining("it holds no tunnelwatch history");
  }

  @Test
  void anOlderSchemaIsNotMigratedButNamed() throws SQLException {
    JdbcEventHistory.connect(
            JdbcEventHistory.sqliteUrl(dir), EventHistoryContractTest.GAPS, 1, Clock.systemUTC())
        .close();

    assertThatThrownBy(() -> JdbcEventHistory.openReadOnly(dir))
        .isInstanceOf(HistoryStoreException.class)
        .hasMessageContaining("schema version 1 but this tunnelwatch reads version 3")
        .hasMessageContaining("start the agent");
    try (Connection c = DriverManager.getConnection(JdbcEventHistory.sqliteUrl(dir));
        Statement s = c.createStatement()) {
      assertThat(EventHistoryContractTest.column(s, "SELECT MAX(version) FROM schema_version"))
          .containsExactly("1");
    }
  }

  @Test
  void aPathWithASpaceAndUriCharactersIsOnePath() throws IOException {
    Path odd = Files.createDirectories(dir.resolve("state dir #1?x"));
    try (JdbcEventHistory store = JdbcEventHistory.open(odd, EventHistoryContractTest.GAPS)) {
      store.recordPoll("R1", T0, true);
    }

    try (JdbcEventHistory history = JdbcEventHistory.openReadOnly(odd)) {
      assertThat(history.coverage(Instant.EPOCH, END)).hasSize(1);
    }
  }
}
