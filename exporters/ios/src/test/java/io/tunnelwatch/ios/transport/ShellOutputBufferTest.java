package io.tunnelwatch.ios.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunnelwatch.ios.transport.ShellOutputBuffer.Outcome;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ShellOutputBufferTest {

  private static final Duration NO_WAIT = Duration.ZERO;

  private final ShellOutputBuffer buffer = new ShellOutputBuffer();

  private void write(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
    buffer.write(bytes, 0, bytes.length);
  }

  @Test
  void textBeyondTheLimitIsDroppedAndEndsTheWait() throws InterruptedException {
    buffer.limit(100);
    write("a".repeat(80));
    write("b".repeat(80));
    write("R1#");

    assertThat(buffer.awaitText(text -> false, Duration.ofMinutes(1))).isEqualTo(Outcome.TOO_LARGE);
    assertThat(buffer.drain()).isEqualTo("a".repeat(80));
  }

  @Test
  void theConditionSeesOnlyTheLastLinesHoweverLongTheOutput() throws InterruptedException {
    String line = "  local  ident (addr/mask/prot/port): (10.0.0.0/255.0.0.0/0/0)\r\n";
    for (int i = 0; i < 100_000; i++) {
      write(line);
    }
    write("R1#");
    AtomicInteger longest = new AtomicInteger();

    Outcome outcome =
        buffer.awaitText(
            text -> {
              longest.accumulateAndGet(text.length(), Math::max);
              return text.toString().endsWith("R1#");
            },
            NO_WAIT);

    assertThat(outcome).isEqualTo(Outcome.MATCHED);
    assertThat(longest.get()).isLessThanOrEqualTo(ShellOutputBuffer.TAIL_CHARS);
    assertThat(buffer.drain()).hasSize(line.length() * 100_000 + 3);
  }

  @Test
  void theTailStartsAtALineStartSoAnchoredPatternsSeeWholeLines() throws InterruptedException {
    write("x".repeat(5_000) + "\nR1#");
    StringBuilder seen = new StringBuilder();

    buffer.awaitText(text -> seen.append(text).isEmpty(), NO_WAIT);

    assertThat(seen.toString()).isEqualTo("R1#");
  }

  @Test
  void aLastLineLongerThanTheTailCannotBeAPrompt() throws InterruptedException {
    write("\n" + "y".repeat(ShellOutputBuffer.TAIL_CHARS + 10) + "#");

    assertThat(buffer.awaitText(text -> text.length() > 0, NO_WAIT)).isEqualTo(Outcome.TIMED_OUT);
  }

  @Test
  void aClosedChannelEndsTheWait() throws InterruptedException {
    write("partial");
    buffer.close();

    assertThat(buffer.awaitText(text -> false, Duration.ofMinutes(1))).isEqualTo(Outcome.CLOSED);
  }

  @Test
  void theLastLineIsTheLastNonBlankOneWithoutItsLineEnd() {
    assertThat(ShellOutputBuffer.lastLine("banner\r\nPassword: \r\n\r\n")).isEqualTo("Password:");
    assertThat(ShellOutputBuffer.lastLine("one line")).isEqualTo("one line");
    assertThat(ShellOutputBuffer.lastLine("")).isEmpty();
  }

  @Test
  void theLastLineLooksAtTheTailOnly() {
    String endless = "x".repeat(1 << 20);

    assertThat(ShellOutputBuffer.lastLine(endless)).hasSize(ShellOutputBuffer.TAIL_CHARS);
  }

  @Test
  void theLastLineOfTheBufferIsWhatArrivedLast() {
    ShellOutputBuffer buffer = new ShellOutputBuffer();
    byte[] bytes = "R1#show x\r\n[confirm]".getBytes(StandardCharsets.US_ASCII);
    buffer.write(bytes, 0, bytes.length);

    assertThat(buffer.lastLine()).isEqualTo("[confirm]");
  }
}
