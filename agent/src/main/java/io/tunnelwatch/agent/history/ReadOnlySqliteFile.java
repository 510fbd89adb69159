package io.tunnelwatch.agent.history;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * How a reader (a report) opens the agent's SQLite file without writing anything: not the database,
 * not its directory. A file that is not an SQLite database is refused before SQLite sees it, since
 * SQLite would take an empty file for an empty database.
 */
final class ReadOnlySqliteFile {

  private static final byte[] HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

  private ReadOnlySqliteFile() {}

  /**
   * The JDBC URL to read {@code file}.
   *
   * <p>With a {@code -wal} file beside it, an agent has the database open (or stopped without
   * closing it): {@code mode=ro} reads the committed writes in the WAL too, through the existing
   * {@code -shm}. Without one, no connection has the database open, and {@code immutable=1} reads
   * the file alone and creates no {@code -wal} or {@code -shm}: {@code mode=ro} would create both,
   * which fails in a read-only directory and writes in any other. An agent that starts during the
   * report writes to a new WAL that the report does not see, which only leaves out what happened
   * after the report began; the main file changes only at a checkpoint, a thousand pages of writes
   * later.
   *
   * @throws HistoryStoreException when the file is missing, empty or not an SQLite database
   */
  static String url(Path file) {
    checkHeader(file);
    Path wal = file.resolveSibling(file.getFileName() + "-wal");
    String mode = Files.exists(wal) ? "mode=ro" : "immutable=1";
    // A URI, so that a path with a space, '#' or '?' stays one path.
    return "jdbc:sqlite:" + file.toAbsolutePath().toUri() + "?" + mode;
  }

  private static void checkHeader(Path file) {
    byte[] start;
    try (InputStream in = Files.newInputStream(file)) {
      start = in.readNBytes(HEADER.length);
    } catch (IOException e) {
      throw new HistoryStoreException("cannot read the history " + file + ": " + e, e);
    }
    if (start.length == 0) {
      throw new HistoryStoreException(
          file + " is empty, not a tunnelwatch history (was the agent stopped while creating it?)",
          null);
    }
    if (!Arrays.equals(start, HEADER)) {
      throw new HistoryStoreException(
          file + " is not an SQLite database, so not a tunnelwatch history", null);
    }
  }
}
