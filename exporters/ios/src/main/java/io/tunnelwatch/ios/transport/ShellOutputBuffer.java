package io.tunnelwatch.ios.transport;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * Collects what the device prints on the shell channel. MINA's I/O threads write into it; the
 * polling thread waits until the text satisfies a condition (usually: ends with the prompt), so no
 * thread per session is needed.
 */
final class ShellOutputBuffer extends OutputStream {

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final StringBuilder text = new StringBuilder();
  private boolean closed;

  @Override
  public void write(int b) {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) {
    // IOS output is ASCII; decoding per chunk is safe for it and cheap.
    String chunk = new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
    lock.lock();
    try {
      text.append(chunk);
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
   * Waits until the received text satisfies {@code done}, the channel closes, or the timeout
   * passes.
   *
   * @return the outcome; the text stays in the buffer for {@link #drain()}
   */
  Outcome awaitText(Predicate<CharSequence> done, Duration timeout) throws InterruptedException {
    long remaining = timeout.toNanos();
    lock.lock();
    try {
      while (true) {
        if (done.test(text)) {
          return Outcome.MATCHED;
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

  /** Replaces the buffered text, used to strip a pager marker that was answered. */
  void replace(String newText) {
    lock.lock();
    try {
      text.setLength(0);
      text.append(newText);
    } finally {
      lock.unlock();
    }
  }

  enum Outcome {
    MATCHED,
    CLOSED,
    TIMED_OUT
  }
}
