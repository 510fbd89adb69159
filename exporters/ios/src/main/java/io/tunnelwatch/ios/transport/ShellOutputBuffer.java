package io.tunnelwatch.ios.transport;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * Collects what the device prints on the shell channel. MINA's I/O threads write into it; the
 * polling thread waits until the end of the text satisfies a condition (usually: ends with the
 * prompt), so no thread per session is needed.
 *
 * <p>The buffer is bounded: text beyond the limit is dropped and the wait ends at once, so a device
 * that never stops talking costs a bounded amount of memory. The condition is tested only on the
 * last lines, so the cost of waiting grows with the output, not with its square.
 */
final class ShellOutputBuffer extends OutputStream {

  /**
   * How much of the end of the text the condition sees. A prompt or a pager marker sits on the last
   * line, which is short (an IOS host name has at most 63 characters).
   */
  static final int TAIL_CHARS = 1024;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final StringBuilder text = new StringBuilder();
  private int limit = Integer.MAX_VALUE;
  private boolean overflowed;
  private boolean closed;

  @Override
  public void write(int b) {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) {
    // IOS output is ASCII; Latin-1 maps every byte to one char, so no input can fail to decode.
    String chunk = new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
    lock.lock();
    try {
      if (overflowed) {
        return;
      }
      if (chunk.length() > limit - text.length()) {
        overflowed = true;
      } else {
        text.append(chunk);
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Sets how many characters the buffer holds before it drops the rest and ends the wait. */
  void limit(int maxChars) {
    lock.lock();
    try {
      limit = maxChars;
    } finally {
      lock.unlock();
    }
  }

  /** Removes and returns everything received so far. */
  String drain() {
    lock.lock();
    try {
      String all = text.toString();
      text.setLength(0);
      return all;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until the end of the received text satisfies {@code done}, the limit is reached, the
   * channel closes, or the timeout passes.
   *
   * @param done tested on the last lines of the text ({@link #TAIL_CHARS} at most, cut at a line
   *     start so that {@code ^} in a pattern means the start of a real line)
   * @return the outcome; the text stays in the buffer for {@link #drain()}
   */
  Outcome awaitText(Predicate<CharSequence> done, Duration timeout) throws InterruptedException {
    long remaining = timeout.toNanos();
    lock.lock();
    try {
      while (true) {
        if (done.test(tail())) {
          return Outcome.MATCHED;
        }
        if (overflowed) {
          return Outcome.TOO_LARGE;
        }
        if (closed) {
          return Outcome.CLOSED;
        }
        if (remaining <= 0) {
          return Outcome.TIMED_OUT;
        }
        remaining = changed.awaitNanos(remaining);
      }
    } finally {
      lock.unlock();
    }
  }

  /** The last line received so far, for a message that says where the device stopped. */
  String lastLine() {
    lock.lock();
    try {
      return lastLine(text);
    } finally {
      lock.unlock();
    }
  }

  /**
   * The last non-blank line of the text, without its line end; looks at the last {@link
   * #TAIL_CHARS} characters only, so a device that sent megabytes without a line break costs no
   * more than one that did not.
   */
  static String lastLine(CharSequence text) {
    int end = text.length();
    int from = Math.max(0, end - TAIL_CHARS);
    while (end > from && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    int start = end;
    while (start > from && text.charAt(start - 1) != '\n' && text.charAt(start - 1) != '\r') {
      start--;
    }
    return text.subSequence(start, end).toString();
  }

  private CharSequence tail() {
    int length = text.length();
    if (length <= TAIL_CHARS) {
      return text;
    }
    int lineStart = text.indexOf("\n", length - TAIL_CHARS);
    // No line break in the window: the last line is longer than any prompt could be.
    return lineStart < 0 ? "" : text.subSequence(lineStart + 1, length);
  }

  enum Outcome {
    MATCHED,
    TOO_LARGE,
    CLOSED,
    TIMED_OUT
  }
}
