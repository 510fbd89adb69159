package io.tunnelwatch.lab.ios;

import io.tunnelwatch.lab.ios.ParsedLine.Rejected.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Parses exec lines the way IOS does: keywords may be abbreviated to any unambiguous prefix, an
 * unknown word is reported with its column, and a trailing {@code | modifier regex} filters output.
 * Commands above the session's privilege do not exist for it, exactly as IOS hides them.
 */
public final class CommandParser {

  private enum Arg {
    NONE,
    /** An optional interface name, possibly split in type and number ({@code tunnel 10}). */
    INTERFACE,
    /** A required interface name. */
    REQUIRED_INTERFACE,
    /** A required number 0-512 ({@code terminal length}). */
    NUMBER,
    /** An optional single word ({@code show ip access-lists NAME}). */
    NAME,
    /** The rest of the line, parsed by {@link PingArguments}. */
    PING
  }

  /**
   * @param privileged only privileged EXEC has this word (and everything under it)
   */
  private record Node(
      String word, CommandId action, Arg arg, boolean privileged, List<Node> children) {
    static Node of(String word, CommandId action, Node... children) {
      return new Node(word, action, Arg.NONE, false, List.of(children));
    }

    static Node withArg(String word, CommandId action, Arg arg, Node... children) {
      return new Node(word, action, arg, false, List.of(children));
    }

    Node privilegedOnly() {
      return new Node(word, action, arg, true, children);
    }
  }

  private static final Node ROOT =
      Node.of(
          "",
          null,
          Node.of(
              "show",
              null,
              Node.of(
                  "crypto",
                  null,
                  Node.of(
                      "session",
                      CommandId.SHOW_CRYPTO_SESSION,
                      Node.of("detail", CommandId.SHOW_CRYPTO_SESSION_DETAIL)),
                  Node.of(
                      "isakmp",
                      null,
                      Node.of(
                          "sa",
                          CommandId.SHOW_CRYPTO_ISAKMP_SA,
                          Node.of("detail", CommandId.SHOW_CRYPTO_ISAKMP_SA_DETAIL))),
                  Node.of(
                      "ipsec",
                      null,
                      Node.of(
                          "sa",
                          CommandId.SHOW_CRYPTO_IPSEC_SA,
                          Node.withArg("peer", CommandId.SHOW_CRYPTO_IPSEC_SA_PEER, Arg.NAME)))),
              Node.withArg("interfaces", CommandId.SHOW_INTERFACES, Arg.INTERFACE),
              Node.of(
                  "processes",
                  null,
                  Node.of(
                      "cpu",
                      CommandId.SHOW_PROCESSES_CPU,
                      Node.of("sorted", CommandId.SHOW_PROCESSES_CPU_SORTED))),
              Node.of("version", CommandId.SHOW_VERSION),
              Node.of("clock", CommandId.SHOW_CLOCK),
              Node.of(
                      "running-config",
                      CommandId.SHOW_RUNNING_CONFIG,
                      Node.withArg(
                          "interface",
                          CommandId.SHOW_RUNNING_CONFIG_INTERFACE,
                          Arg.REQUIRED_INTERFACE))
                  .privilegedOnly(),
              Node.withArg("access-lists", CommandId.SHOW_ACCESS_LISTS, Arg.NAME),
              Node.of(
                  "ip",
                  null,
                  Node.withArg("access-lists", CommandId.SHOW_IP_ACCESS_LISTS, Arg.NAME))),
          Node.withArg("ping", CommandId.PING, Arg.PING),
          Node.of(
              "terminal",
              null,
              Node.withArg("length", CommandId.TERMINAL_LENGTH, Arg.NUMBER),
              Node.withArg("width", CommandId.TERMINAL_WIDTH, Arg.NUMBER)),
          Node.of("enable", CommandId.ENABLE),
          Node.of("exit", CommandId.EXIT),
          Node.of("logout", CommandId.EXIT),
          Node.of("quit", CommandId.EXIT));

  private final InterfaceNames interfaces;
  private final PingArguments pingArguments;
  private final Privilege privilege;

  /**
   * A parser for a privileged session.
   *
   * @param interfaceNames the router's interfaces, full names, e.g. {@code Tunnel10}
   */
  public CommandParser(List<String> interfaceNames) {
    this(interfaceNames, Privilege.PRIVILEGED_EXEC);
  }

  /**
   * @param interfaceNames the router's interfaces, full names, e.g. {@code Tunnel10}
   * @param privilege the level of the session whose lines are parsed
   */
  public CommandParser(List<String> interfaceNames, Privilege privilege) {
    this.interfaces = new InterfaceNames(interfaceNames);
    this.pingArguments = new PingArguments(interfaces);
    this.privilege = privilege;
  }

  /** Parses one line as typed (without the line terminator). */
  public ParsedLine parse(String line) {
    int bar = line.indexOf('|');
    String commandPart = bar < 0 ? line : line.substring(0, bar);
    List<Token> tokens = Token.split(commandPart, 0);
    if (tokens.isEmpty()) {
      return bar < 0 ? new ParsedLine.Empty() : rejected(Kind.INVALID, bar, line);
    }
    Node node = ROOT;
    List<String> words = new ArrayList<>();
    String argument = null;
    PingRequest ping = null;
    int i = 0;
    while (i < tokens.size()) {
      Token token = tokens.get(i);
      if (argument != null) {
        return rejected(Kind.INVALID, token.start(), line);
      }
      if (node.arg() == Arg.PING) {
        List<Token> rest = tokens.subList(i, tokens.size());
        PingArguments.Outcome outcome = pingArguments.parse(rest, commandPart);
        if (outcome.error() != null) {
          return outcome.error();
        }
        ping = outcome.request();
        words.addAll(rest.stream().map(Token::text).toList());
        break;
      }
      if (node.arg() == Arg.INTERFACE || node.arg() == Arg.REQUIRED_INTERFACE) {
        List<Token> rest = tokens.subList(i, tokens.size());
        Optional<String> name = interfaces.resolve(rest);
        if (name.isEmpty()) {
          return InterfaceNames.typeOnly(rest)
              ? rejected(Kind.INCOMPLETE, token.start(), line)
              : rejected(Kind.INVALID, token.start(), line);
        }
        argument = name.get();
        break;
      }
      if (node.arg() == Arg.NUMBER) {
        if (!token.text().matches("\\d{1,3}") || Integer.parseInt(token.text()) > 512) {
          return rejected(Kind.INVALID, token.start(), line);
        }
        argument = token.text();
        i++;
        continue;
      }
      if (node.arg() == Arg.NAME) {
        argument = token.text();
        i++;
        continue;
      }
      List<Node> matches = match(node, token.text());
      if (matches.isEmpty()) {
        boolean lone = node.equals(ROOT) && tokens.size() == 1 && bar < 0;
        // A lone unknown word is taken by IOS as a host name to telnet to.
        return rejected(lone ? Kind.UNKNOWN_COMMAND : Kind.INVALID, token.start(), line);
      }
      if (matches.size() > 1) {
        return rejected(Kind.AMBIGUOUS, token.start(), commandPart);
      }
      node = matches.get(0);
      words.add(node.word());
      i++;
    }
    return command(node, words, argument, ping, line, bar);
  }

  /** The command the walk ended on, with its output pipe; rejected if it is incomplete. */
  private static ParsedLine command(
      Node node, List<String> words, String argument, PingRequest ping, String line, int bar) {
    String commandPart = bar < 0 ? line : line.substring(0, bar);
    boolean missingArgument =
        (node.arg() == Arg.NUMBER || node.arg() == Arg.REQUIRED_INTERFACE) && argument == null;
    if (node.action() == null || missingArgument || (node.arg() == Arg.PING && ping == null)) {
      return rejected(Kind.INCOMPLETE, commandPart.length(), line);
    }
    OutputPipe pipe = null;
    if (bar >= 0) {
      PipeResult parsedPipe = parsePipe(line, bar);
      if (parsedPipe.error() != null) {
        return parsedPipe.error();
      }
      pipe = parsedPipe.pipe();
    }
    String canonical = String.join(" ", words) + (argument == null ? "" : " " + argument);
    return new ParsedLine.Command(node.action(), argument, canonical, pipe, ping);
  }

  private List<Node> match(Node node, String typed) {
    String lower = typed.toLowerCase(Locale.ROOT);
    List<Node> visible =
        node.children().stream()
            .filter(c -> !c.privileged() || privilege == Privilege.PRIVILEGED_EXEC)
            .toList();
    for (Node child : visible) {
      if (child.word().equals(lower)) {
        return List.of(child);
      }
    }
    return visible.stream().filter(c -> c.word().startsWith(lower)).toList();
  }

  /** Either a pipe or the reason there is none. */
  private record PipeResult(OutputPipe pipe, ParsedLine.Rejected error) {}

  private static PipeResult parsePipe(String line, int bar) {
    List<Token> tokens = Token.split(line.substring(bar + 1), bar + 1);
    if (tokens.isEmpty()) {
      return new PipeResult(null, rejected(Kind.INCOMPLETE, line.length(), line));
    }
    Token keyword = tokens.get(0);
    String lower = keyword.text().toLowerCase(Locale.ROOT);
    List<OutputPipe.Kind> kinds =
        List.of(OutputPipe.Kind.values()).stream()
            .filter(k -> k.keyword().startsWith(lower))
            .toList();
    if (kinds.size() != 1) {
      return new PipeResult(null, rejected(Kind.INVALID, keyword.start(), line));
    }
    String regex = line.substring(keyword.start() + keyword.text().length()).stripLeading();
    if (regex.isEmpty()) {
      return new PipeResult(null, rejected(Kind.INCOMPLETE, line.length(), line));
    }
    return new PipeResult(new OutputPipe(kinds.get(0), regex), null);
  }

  private static ParsedLine.Rejected rejected(Kind kind, int position, String input) {
    return new ParsedLine.Rejected(kind, position, input);
  }
}
