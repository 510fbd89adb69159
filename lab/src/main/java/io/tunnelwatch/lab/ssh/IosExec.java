package io.tunnelwatch.lab.ssh;

import io.tunnelwatch.lab.ios.IosCli;
import io.tunnelwatch.lab.ios.ParsedLine;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code ssh router "show ..."}: answers one command on an exec channel, then closes it. */
final class IosExec implements Command {
  private static final Logger LOG = LoggerFactory.getLogger(IosExec.class);

  private final IosCli cli;
  private final CommandFaults faults;
  private final ExecutorService executor;
  private final String commandLine;

  private CrlfWriter out;
  private ExitCallback exitCallback;
  private Future<?> task;

  IosExec(IosCli cli, CommandFaults faults, ExecutorService executor, String commandLine) {
    this.cli = cli;
    this.faults = faults;
    this.executor = executor;
    this.commandLine = commandLine;
  }

  @Override
  public void setInputStream(InputStream in) {
    // An exec request carries its command in the request; stdin is ignored.
  }

  @Override
  public void setOutputStream(OutputStream out) {
    this.out = new CrlfWriter(out);
  }

  @Override
  public void setErrorStream(OutputStream err) {
    // Errors are printed on stdout, as IOS does.
  }

  @Override
  public void setExitCallback(ExitCallback callback) {
    this.exitCallback = callback;
  }

  @Override
  public void start(ChannelSession channel, Environment env) {
    task = executor.submit(this::run);
  }

  @Override
  public void destroy(ChannelSession channel) {
    if (task != null) {
      task.cancel(true);
    }
  }

  private void run() {
    try {
      ParsedLine parsed = cli.parse(commandLine);
      if (parsed instanceof ParsedLine.Command command) {
        faults.await(command.canonical());
      }
      out.text(cli.answer(commandLine));
      exitCallback.onExit(0);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      LOG.debug("{} exec ended: {}", cli.hostname(), e.toString());
      exitCallback.onExit(1);
    }
  }
}
