package io.tunnelwatch.agent.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads a command's text input with a size bound, and decodes it as UTF-8 without refusing it: a
 * router's output saved through a Latin-1 terminal is still worth parsing, and one odd byte must
 * not hide the rest. Each invalid byte sequence becomes U+FFFD and is counted, so that the caller
 * can say so.
 */
final class BoundedInput {

  /** Sized like the agent's own bound on one command's output. */
  static final int MAX_BYTES = 64 << 20;

  /**
   * @param replaced how many invalid byte sequences became U+FFFD
   */
  record Text(String text, int replaced) {}

  /** The input was larger than the bound; only the bound plus one byte was read. */
  static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    private final String reason;

    TooLarge(int maxBytes) {
      this("larger than " + (maxBytes >> 20) + " MiB; split it (parse reads at most that much)");
    }

    private TooLarge(String reason) {
      super(reason);
      this.reason = reason;
    }

    String reason() {
      return reason;
    }
  }

  private BoundedInput() {}

  static Text read(InputStream in, int maxBytes) throws IOException {
    byte[] bytes = in.readNBytes(maxBytes + 1);
    if (bytes.length > maxBytes) {
      throw new TooLarge(maxBytes);
    }
    return decode(bytes);
  }

  static Text decode(byte[] bytes) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    int replaced = 0;
    while (true) {
      CoderResult result = decoder.decode(in, out, true);
      if (result.isUnderflow()) {
        decoder.flush(out);
        break;
      }
      if (result.isOverflow()) {
        // A byte never decodes to more than one char, nor an invalid sequence of them.
        throw new IllegalStateException("UTF-8 decoding produced more chars than bytes");
      }
      // Same replacement as the JDK's own lenient decoding, but counted.
      out.put('\uFFFD');
      in.position(in.position() + result.length());
      replaced++;
    }
    out.flip();
    return new Text(out.toString(), replaced);
  }
}
