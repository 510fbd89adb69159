package io.tunnelwatch.lab.ssh;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writes text to an SSH channel with IOS line endings ({@code \r\n}), flushing every write. */
final class CrlfWriter {
  private final OutputStream out;

  CrlfWriter(OutputStream out) {
    this.out = out;
  }

  /** Writes text whose lines end in {@code \n}, turning each into {@code \r\n}. */
  void text(String text) throws IOException {
    raw(text.replace("\n", "\r\n"));
  }

  /** Writes exactly these characters. */
  void raw(String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }
}
