package io.tunnelwatch.agent.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunnelwatch.agent.report.ReportGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A report file as a reader of the reports directory finds it. */
class ReportFileTest {

  @TempDir Path dir;

  @Test
  void aReportGetsThePermissionsOfAnyFileTheProcessCreatesAndNoTemporaryFileStays()
      throws Exception {
    Path report = dir.resolve("stability.json");
    Path plain = Files.createFile(dir.resolve("plain.txt"));

    ReportGenerator.write(Reports.twoRouters(), ReportFormat.JSON, report);

    Set<PosixFilePermission> expected = Files.getPosixFilePermissions(plain);
    // Under the usual umask 022 that is 0644: others may read, which a temporary file's 0600
    // would not let them.
    assertThat(Files.getPosixFilePermissions(report)).isEqualTo(expected);
    assertThat(Files.readString(report))
        .isEqualTo(Reports.render(ReportFormat.JSON, Reports.twoRouters()));
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("stability.json", "plain.txt");
    }
  }
}
