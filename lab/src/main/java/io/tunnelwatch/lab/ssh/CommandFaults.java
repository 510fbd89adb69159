package io.tunnelwatch.lab.ssh;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Per-router rules that make commands answer late or never. Rules match the canonical command (all
 * keywords in full), so {@code sh cry ipsec sa} is caught by a rule for {@code show crypto ipsec}.
 * Delays are in real time, not simulated time: they exist to exercise client timeouts. Thread-safe.
 */
public final class CommandFaults {

  private record Rule(String prefix, Duration delay, CompletableFuture<Void> release) {
    boolean hangs() {
      return delay == null;
    }
  }

  private final List<Rule> rules = new CopyOnWriteArrayList<>();

  /** Commands starting with {@code prefix} never answer (until {@link #clear()}). */
  public void hang(String prefix) {
    rules.add(new Rule(normalize(prefix), null, new CompletableFuture<>()));
  }

  /** Commands starting with {@code prefix} answer only after {@code delay}. */
  public void delay(String prefix, Duration delay) {
    rules.add(new Rule(normalize(prefix), delay, new CompletableFuture<>()));
  }

  /** Removes all rules and releases every command currently held by one. */
  public void clear() {
    List<Rule> removed = List.copyOf(rules);
    rules.removeAll(removed);
    removed.forEach(r -> r.release().complete(null));
  }

  /**
   * Blocks the calling session thread as the first matching rule says.
   *
   * @throws InterruptedException when the session is closed meanwhile
   */
  public void await(String canonicalCommand) throws InterruptedException {
    String command = normalize(canonicalCommand);
    Rule rule = rules.stream().filter(r -> command.startsWith(r.prefix())).findFirst().orElse(null);
    if (rule == null) {
      return;
    }
    try {
      if (rule.hangs()) {
        rule.release().get();
      } else {
        rule.release().get(rule.delay().toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (TimeoutException | ExecutionException e) {
      // The delay ran out: answer now.
    }
  }

  private static String normalize(String command) {
    return command.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}
