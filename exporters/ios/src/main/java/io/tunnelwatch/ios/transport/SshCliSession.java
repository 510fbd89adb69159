package io.tunnelwatch.ios.transport;

import io.tunnelwatch.core.PeerText;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.sshd.client.channel.ChannelShell;
import org.apache.sshd.client.session.ClientSession;
import org.jspecify.annotations.Nullable;

/**
 * An IOS exec-mode shell over SSH. It learns the device's prompt at login and treats the prompt's
 * reappearance at the end of the output as the end of a command.
 */
public final class SshCliSession implements CliSession {

  private static final Duration CLOSE_WAIT = Duration.ofSeconds(1);

  /** IOS exec prompt: a hostname followed by {@code #} (privileged) or {@code >} (user). */
  private static final Pattern PROMPT_AT_END =
      Pattern.compile("(?:^|\\n)([A-Za-z0-9][A-Za-z0-9._()/:-]{0,62}[#>])[ \\t]*$");

  private static final Pattern PAGER_AT_END = Pattern.compile(" ?--More-- ?$");
  private static final Pattern PAGER_RESIDUE = Pattern.compile(" ?--More-- ?(?:\\x08+ *\\x08*)?");

  private final String device;
  private final ClientSession session;
  private final ChannelShell shell;
  private final ShellOutputBuffer output;
  private final OutputStream input;
  private final OutputLimits limits;
  // learned by prepare(); until then any IOS prompt ends output
  private @Nullable String prompt;

  SshCliSession(
      String device,
      ClientSession session,
      ChannelShell shell,
      ShellOutputBuffer output,
      OutputLimits limits) {
    this.device = device;
    this.session = session;
    this.shell = shell;
    this.output = output;
    this.input = shell.getInvertedIn();
    this.limits = limits;
  }

  /**
   * Bounds on what a device may print, so that one that never stops talking costs bounded memory.
   *
   * @param maxCommandBytes output of one command, prompt included
   * @param maxBannerBytes what comes before the first prompt (banner, MOTD)
   */
  public record OutputLimits(int maxCommandBytes, int maxBannerBytes) {
    /** Sized for a hub with 5,000 tunnels (~9 MB of {@code show crypto ipsec sa}) with room. */
    public static final OutputLimits DEFAULT = new OutputLimits(64 << 20, 1 << 20);

    public OutputLimits {
      if (maxCommandBytes < 1 || maxBannerBytes < 1) {
        throw new IllegalArgumentException("output limits must be positive");
      }
    }
  }

  /** Waits for the first prompt and turns off paging and line wrapping. */
  void prepare(Duration timeout) throws CliException {
    String banner = awaitPrompt(timeout, "the login prompt", limits.maxBannerBytes());
    Matcher m = PROMPT_AT_END.matcher(banner.replace("\r", ""));
    if (!m.find()) {
      throw new CliException(
          CliException.Kind.PROTOCOL,
          device
              + ": no IOS prompt after login; the last line was "
              + PeerText.quote(ShellOutputBuffer.lastLine(banner)));
    }
    prompt = m.group(1);
    execute("terminal length 0", timeout);
    execute("terminal width 0", timeout);
  }

  /** The prompt learned at login, e.g. {@code R1#}; null before login. */
  public @Nullable String prompt() {
    return prompt;
  }

  @Override
  public String execute(String command, Duration timeout) throws CliException {
    if (!isOpen()) {
      throw new CliException(CliException.Kind.DISCONNECTED, device + ": session is closed");
    }
    output.drain();
    send(command + "\n");
    String raw = awaitPrompt(timeout, "'" + command + "'", limits.maxCommandBytes());
    return clean(raw, command);
  }

  private String awaitPrompt(Duration timeout, String what, int maxBytes) throws CliException {
    long deadline = System.nanoTime() + timeout.toNanos();
    StringBuilder collected = new StringBuilder();
    while (true) {
      Duration left = Duration.ofNanos(deadline - System.nanoTime());
      output.limit(maxBytes - collected.length());
      ShellOutputBuffer.Outcome outcome;
      try {
        outcome =
            output.awaitText(
                text -> endsWithPrompt(text) || PAGER_AT_END.matcher(text).find(), left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        close();
        throw new CliException(
            CliException.Kind.TIMEOUT, device + ": interrupted waiting for " + what);
      }
      switch (outcome) {
        case TIMED_OUT -> {
          // The device may still answer later and corrupt the next command's output: start afresh.
          close();
          throw new CliException(
              CliException.Kind.TIMEOUT,
              device
                  + ": no prompt within "
                  + timeout.toMillis()
                  + " ms after "
                  + what
                  + lastLineSeen(collected));
        }
        case TOO_LARGE -> {
          // The rest is still coming and would corrupt the next command's output: start afresh.
          close();
          throw new CliException(
              CliException.Kind.OUTPUT_TOO_LARGE,
              device + ": more than " + maxBytes + " bytes of output for " + what);
        }
        case CLOSED -> {
          close();
          throw new CliException(
              CliException.Kind.DISCONNECTED,
              device + ": connection closed while waiting for " + what + lastLineSeen(collected));
        }
        case MATCHED -> {
          String text = output.drain();
          if (PAGER_AT_END.matcher(text).find() && !endsWithPrompt(text)) {
            // Paging should be off; if a device ignores it, keep the page and ask for the next.
            collected.append(PAGER_AT_END.matcher(text).replaceFirst(""));
            send(" ");
            continue;
          }
          collected.append(text);
          return collected.toString();
        }
      }
    }
  }

  /**
   * Where the device stopped, e.g. at a {@code Password:} or a confirmation it asks for; quoted
   * with {@link PeerText} since it is the device's text.
   */
  private String lastLineSeen(CharSequence collected) {
    String line = output.lastLine();
    if (line.isEmpty()) {
      line = ShellOutputBuffer.lastLine(collected);
    }
    return line.isEmpty() ? "; nothing received" : "; the last line was " + PeerText.quote(line);
  }

  private boolean endsWithPrompt(CharSequence text) {
    if (prompt == null) {
      return PROMPT_AT_END.matcher(text).find();
    }
    String s = text.toString().stripTrailing();
    return s.endsWith(prompt)
        && (s.length() == prompt.length() || isLineStart(s, s.length() - prompt.length()));
  }

  private static boolean isLineStart(String s, int index) {
    char before = s.charAt(index - 1);
    return before == '\n' || before == '\r';
  }

  private String clean(String raw, String command) {
    String text = PAGER_RESIDUE.matcher(raw).replaceAll("").replace("\r\n", "\n").replace("\r", "");
    int firstNewline = text.indexOf('\n');
    if (firstNewline >= 0 && text.substring(0, firstNewline).contains(command.strip())) {
      text = text.substring(firstNewline + 1);
    }
    String stripped = text.stripTrailing();
    if (prompt != null && stripped.endsWith(prompt)) {
      text = stripped.substring(0, stripped.length() - prompt.length());
    }
    return text;
  }

  private void send(String text) throws CliException {
    try {
      input.write(text.getBytes(StandardCharsets.US_ASCII));
      input.flush();
    } catch (IOException e) {
      close();
      throw new CliException(
          CliException.Kind.DISCONNECTED,
          device + ": cannot send command: " + SshConnector.rootMessage(e),
          e);
    }
  }

  /** True while the SSH connection and the shell channel are both open. */
  @Override
  public boolean isOpen() {
    return session.isOpen() && shell.isOpen() && !shell.isClosing();
  }

  /**
   * Closes at once, and waits a moment for the connection to be gone: an agent handing the router
   * to another keeps it from seeing two sessions.
   */
  @Override
  public void close() {
    shell.close(true);
    try {
      session.close(true).await(CLOSE_WAIT.toMillis());
    } catch (IOException e) {
      // Closed regardless; the wait was a courtesy.
    }
  }
}
