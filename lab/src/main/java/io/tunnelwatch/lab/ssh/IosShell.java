package io.tunnelwatch.lab.ssh;

import io.tunnelwatch.lab.ios.IosCli;
import io.tunnelwatch.lab.ios.ParsedLine;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An interactive IOS exec session on an SSH shell channel: prompt, character echo, line editing
 * (backspace only), paging with {@code --More--}, and {@code exit}.
 *
 * <p>IOS runs its own line discipline on a vty whether or not the client asked for a PTY, so this
 * shell always echoes and always ends lines with {@code \r\n}.
 */
final class IosShell implements Command {
  private static final Logger LOG = LoggerFactory.getLogger(IosShell.class);
  private static final int DEFAULT_LENGTH = 24;
  private static final String MORE = " --More-- ";
  private static final String ERASE_MORE =
      "\b".repeat(MORE.length()) + " ".repeat(MORE.length()) + "\b".repeat(MORE.length());

  private final IosCli cli;
  private final CommandFaults faults;
  private final ExecutorService executor;
  private final String banner;

  private InputStream in;
  private CrlfWriter out;
  private ExitCallback exitCallback;
  private ChannelSession channel;
  private Future<?> task;

  private int terminalLength = DEFAULT_LENGTH;
  private boolean previousWasCr;

  IosShell(IosCli cli, CommandFaults faults, ExecutorService executor, String banner) {
    this.cli = cli;
    this.faults = faults;
    this.executor = executor;
    this.banner = banner;
  }

  @Override
  public void setInputStream(InputStream in) {
    this.in = in;
  }

  @Override
  public void setOutputStream(OutputStream out) {
    this.out = new CrlfWriter(out);
  }

  @Override
  public void setErrorStream(OutputStream err) {
    // IOS has no separate error stream: everything goes to the terminal.
  }

  @Override
  public void setExitCallback(ExitCallback callback) {
    this.exitCallback = callback;
  }

  @Override
  public void start(ChannelSession channel, Environment env) {
    this.channel = channel;
    this.task = executor.submit(this::run);
  }

  @Override
  public void destroy(ChannelSession channel) {
    if (task != null) {
      // Also wakes a command held by a hang rule.
      task.cancel(true);
    }
  }

  private void run() {
    try {
      if (banner != null && !banner.isEmpty()) {
        out.text("\n" + banner + "\n");
      }
      out.text("\n" + cli.prompt());
      StringBuilder line = new StringBuilder();
      int c;
      while ((c = readKey()) >= 0) {
        if (c == '\r' || c == '\n') {
          out.raw("\r\n");
          if (!execute(line.toString())) {
            exit();
            return;
          }
          line.setLength(0);
        } else if (c == 0x08 || c == 0x7f) {
          if (line.length() > 0) {
            line.setLength(line.length() - 1);
            out.raw("\b \b");
          }
        } else if (c >= 0x20 && c < 0x7f) {
          line.append((char) c);
          out.raw(String.valueOf((char) c));
        }
      }
      exit();
    } catch (InterruptedException | InterruptedIOException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      LOG.debug("{} shell ended: {}", cli.hostname(), e.toString());
    }
  }

  /** Next key, with the LF of a CR LF pair swallowed so that one Enter is one Enter. */
  private int readKey() throws IOException {
    while (true) {
      int c = in.read();
      boolean swallow = c == '\n' && previousWasCr;
      previousWasCr = c == '\r';
      if (!swallow) {
        return c;
      }
    }
  }

  /** Runs one line; false when the session should end. */
  private boolean execute(String line) throws IOException, InterruptedException {
    ParsedLine parsed = cli.parse(line);
    if (parsed instanceof ParsedLine.Rejected rejected) {
      out.text(rejected.message(cli.prompt().length()));
    } else if (parsed instanceof ParsedLine.Command command) {
      faults.await(command.canonical());
      switch (command.id()) {
        case EXIT -> {
          return false;
        }
        case TERMINAL_LENGTH -> terminalLength = Integer.parseInt(command.argument());
        case TERMINAL_WIDTH -> {
          // Accepted silently, as IOS does; width never reflows show output anyway.
        }
        default -> page(cli.output(command));
      }
    }
    out.raw(cli.prompt());
    return true;
  }

  /** Shows text a screen at a time unless {@code terminal length 0}. */
  private void page(String text) throws IOException {
    List<String> lines = text.lines().toList();
    int screen = terminalLength - 1;
    if (terminalLength == 0 || lines.size() <= screen) {
      out.text(text);
      return;
    }
    int shown = 0;
    int next = screen;
    while (true) {
      for (; shown < Math.min(next, lines.size()); shown++) {
        out.text(lines.get(shown) + "\n");
      }
      if (shown >= lines.size()) {
        return;
      }
      out.raw(MORE);
      int key = readKey();
      out.raw(ERASE_MORE);
      if (key == ' ') {
        next = shown + screen;
      } else if (key == '\r' || key == '\n') {
        next = shown + 1;
      } else {
        return;
      }
    }
  }

  private void exit() {
    exitCallback.onExit(0);
    if (channel != null) {
      // IOS drops the whole connection when the vty session ends.
      channel.getSession().close(false);
    }
  }
}
