package io.tunnelwatch.lab.ios;

import io.tunnelwatch.lab.ios.ParsedLine.Rejected.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Parses exec lines the way IOS does: keywords may be abbreviated to any unambiguous prefix, an
 * unknown word is reported with its column, and a trailing {@code | modifier regex} filters output.
 */
public final class CommandParser {

  private enum Arg {
    NONE,
    /** An optional interface name, possibly split in type and number ({@code tunnel 10}). */
    INTERFACE,
    /** A required number 0-512 ({@code terminal length}). */
    NUMBER
  }

  private record Node(String word, CommandId action, Arg arg, List<Node> children) {
    static Node of(String word, CommandId action, Node... children) {
      return new Node(word, action, Arg.NONE, List.of(children));
    }

    static Node withArg(String word, CommandId action, Arg arg) {
      return new Node(word, action, arg, List.of());
    }
  }

  private record Token(String text, int start) {}

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
                  Node.of("ipsec", null, Node.of("sa", CommandId.SHOW_CRYPTO_IPSEC_SA))),
              Node.withArg("interfaces", CommandId.SHOW_INTERFACES, Arg.INTERFACE),
              Node.of(
                  "processes",
                  null,
                  Node.of(
                      "cpu",
                      CommandId.SHOW_PROCESSES_CPU,
                      Node.of("sorted", CommandId.SHOW_PROCESSES_CPU_SORTED))),
              Node.of("version", CommandId.SHOW_VERSION),
              Node.of("clock", CommandId.SHOW_CLOCK)),
          Node.of(
              "terminal",
              null,
              Node.withArg("length", CommandId.TERMINAL_LENGTH, Arg.NUMBER),
              Node.withArg("width", CommandId.TERMINAL_WIDTH, Arg.NUMBER)),
          Node.of("enable", CommandId.ENABLE),
          Node.of("exit", CommandId.EXIT),
          Node.of("logout", CommandId.EXIT),
          Node.of("quit", CommandId.EXIT));

  /** Interface types IOS knows, so that {@code Lo0} is "no such interface", not a typo. */
  private static final List<String> IOS_INTERFACE_TYPES =
      List.of(
          "GigabitEthernet",
          "FastEthernet",
          "Ethernet",
          "Loopback",
          "Serial",
          "Tunnel",
          "Vlan",
          "Port-channel");

  private final List<String> interfaceNames;

  /**
   * @param interfaceNames the router's interfaces, full names, e.g. {@code Tunnel10}
   */
  public CommandParser(List<String> interfaceNames) {
    this.interfaceNames = List.copyOf(interfaceNames);
  }

  /** Parses one line as typed (without the line terminator). */
  public ParsedLine parse(String line) {
    int bar = line.indexOf('|');
    String commandPart = bar < 0 ? line : line.substring(0, bar);
    List<Token> tokens = tokenize(commandPart, 0);
    if (tokens.isEmpty()) {
      return bar < 0 ? new ParsedLine.Empty() : rejected(Kind.INVALID, bar, line);
    }
    Node node = ROOT;
    List<String> words = new ArrayList<>();
    String argument = null;
    int i = 0;
    while (i < tokens.size()) {
      Token token = tokens.get(i);
      if (argument != null) {
        return rejected(Kind.INVALID, token.start(), line);
      }
      if (node.arg() == Arg.INTERFACE) {
        List<Token> rest = tokens.subList(i, tokens.size());
        Optional<String> name = resolveInterface(rest);
        if (name.isEmpty()) {
          return interfaceTypeOnly(rest)
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
    return command(node, words, argument, line, bar);
  }

  /** The command the walk ended on, with its output pipe; rejected if it is incomplete. */
  private static ParsedLine command(
      Node node, List<String> words, String argument, String line, int bar) {
    String commandPart = bar < 0 ? line : line.substring(0, bar);
    if (node.action() == null || (node.arg() == Arg.NUMBER && argument == null)) {
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
    return new ParsedLine.Command(node.action(), argument, canonical, pipe);
  }

  private static List<Node> match(Node node, String typed) {
    String lower = typed.toLowerCase(Locale.ROOT);
    for (Node child : node.children()) {
      if (child.word().equals(lower)) {
        return List.of(child);
      }
    }
    return node.children().stream().filter(c -> c.word().startsWith(lower)).toList();
  }

  /** Either a pipe or the reason there is none. */
  private record PipeResult(OutputPipe pipe, ParsedLine.Rejected error) {}

  private static PipeResult parsePipe(String line, int bar) {
    List<Token> tokens = tokenize(line.substring(bar + 1), bar + 1);
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

  private Optional<String> resolveInterface(List<Token> tokens) {
    String joined = String.join("", tokens.stream().map(Token::text).toList());
    int digit = firstDigit(joined);
    if (digit <= 0) {
      return Optional.empty();
    }
    String type = joined.substring(0, digit).toLowerCase(Locale.ROOT);
    String number = joined.substring(digit);
    return interfaceNames.stream()
        .filter(n -> n.toLowerCase(Locale.ROOT).startsWith(type))
        .filter(n -> n.substring(firstDigit(n)).equals(number))
        .findFirst();
  }

  private static boolean interfaceTypeOnly(List<Token> tokens) {
    String joined = String.join("", tokens.stream().map(Token::text).toList());
    String lower = joined.toLowerCase(Locale.ROOT);
    return !joined.isEmpty()
        && firstDigit(joined) < 0
        && IOS_INTERFACE_TYPES.stream().anyMatch(t -> t.toLowerCase(Locale.ROOT).startsWith(lower));
  }

  private static int firstDigit(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isDigit(s.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  private static List<Token> tokenize(String text, int offset) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      if (i > start) {
        tokens.add(new Token(text.substring(start, i), offset + start));
      }
    }
    return tokens;
  }

  private static ParsedLine.Rejected rejected(Kind kind, int position, String input) {
    return new ParsedLine.Rejected(kind, position, input);
  }
}
