package io.tunnelwatch.lab;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.sshd.client.SshClient;

/**
 * A fresh reference lab on a manual clock with one SSH console per router: the fixture of the fault
 * tests, which look at the routers the way an operator (or the agent) does.
 */
final class FaultLab implements AutoCloseable {
  static final String PASSWORD = "s3cret";

  final ManualClock clock = new ManualClock(Instant.parse("2026-03-02T10:00:00Z"));
  final RunningLab lab;
  final LabRouter r1;
  final LabRouter r2;
  final RouterConsole c1;
  final RouterConsole c2;
  private final SshClient client;

  FaultLab() {
    this(LabOptions.defaults());
  }

  FaultLab(LabOptions options) {
    lab =
        ReferenceLab.start(
            options.toBuilder().credentials("netops", PASSWORD).clock(clock).build());
    r1 = lab.router("R1");
    r2 = lab.router("R2");
    client = Terminal.client();
    c1 = new RouterConsole(client, r1, PASSWORD);
    c2 = new RouterConsole(client, r2, PASSWORD);
  }

  void advance(int seconds) {
    clock.advance(Duration.ofSeconds(seconds));
  }

  /** The first line of a command's output matching {@code regex} (a {@code find}), trimmed. */
  static String line(RouterConsole console, String command, String regex) {
    Pattern pattern = Pattern.compile(regex);
    List<String> lines = console.lines(command);
    return lines.stream()
        .filter(l -> pattern.matcher(l).find())
        .findFirst()
        .map(String::strip)
        .orElseThrow(() -> new AssertionError("no line matching " + regex + " in " + lines));
  }

  /** The first capture group of {@code regex} in a command's output, as a number. */
  static long number(RouterConsole console, String command, String regex) {
    Matcher m = Pattern.compile(regex).matcher(console.show(command));
    if (!m.find()) {
      throw new AssertionError("no " + regex + " in " + console.show(command));
    }
    return Long.parseLong(m.group(1));
  }

  static long encrypted(RouterConsole console) {
    return number(console, "show crypto ipsec sa", "#pkts encrypt: (\\d+)");
  }

  static long decrypted(RouterConsole console) {
    return number(console, "show crypto ipsec sa", "#pkts decrypt: (\\d+)");
  }

  static String outboundSpi(RouterConsole console) {
    return line(console, "show crypto ipsec sa", "current outbound spi:");
  }

  /** The ISAKMP SA row of {@code show crypto isakmp sa}, or null when there is none. */
  static String isakmpRow(RouterConsole console) {
    return console.lines("show crypto isakmp sa").stream()
        .filter(l -> l.startsWith("200.0.0.1"))
        .findFirst()
        .orElse(null);
  }

  @Override
  public void close() throws IOException {
    c1.close();
    c2.close();
    client.stop();
    lab.close();
  }
}
