package io.tunnelwatch.agent.cli;

import io.tunnelwatch.ios.parse.CryptoSessionParser;
import io.tunnelwatch.ios.parse.Ikev2SaParser;
import io.tunnelwatch.ios.parse.InterfacesParser;
import io.tunnelwatch.ios.parse.IpsecSaParser;
import io.tunnelwatch.ios.parse.IsakmpSaParser;
import io.tunnelwatch.ios.parse.Parsed;
import io.tunnelwatch.ios.parse.ProcessesCpuParser;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The show commands {@code tunnelwatch parse} understands, recognised from the command text the way
 * IOS does: each word may be abbreviated down to a minimum length ({@code sh cry isa sa}).
 */
// Its fields are a stateless method reference and a List.of copy: immutable in fact.
@SuppressWarnings("ImmutableEnumChecker")
enum ShowCommand {
  CRYPTO_SESSION(
      "show crypto session [detail | remote X [detail] | interface X detail]",
      CryptoSessionParser::parse,
      true,
      word("show", 2),
      word("crypto", 3),
      word("session", 3)),
  ISAKMP_SA(
      "show crypto isakmp sa [detail]",
      IsakmpSaParser::parse,
      false,
      word("show", 2),
      word("crypto", 3),
      word("isakmp", 2),
      word("sa", 2)),
  IKEV2_SA(
      "show crypto ikev2 sa [detailed]",
      Ikev2SaParser::parse,
      false,
      word("show", 2),
      word("crypto", 3),
      // "ike" alone could also be IKEv1 commands on newer releases, so the version is required
      word("ikev2", 5),
      word("sa", 2)),
  IPSEC_SA(
      "show crypto ipsec sa [detail | interface X | peer X [detail]]",
      IpsecSaParser::parse,
      true,
      word("show", 2),
      word("crypto", 3),
      word("ipsec", 3),
      word("sa", 2)),
  INTERFACES(
      "show interfaces [X]", InterfacesParser::parse, true, word("show", 2), word("interfaces", 3)),
  PROCESSES_CPU(
      "show processes cpu [sorted] [| include CPU utilization]",
      ProcessesCpuParser::parse,
      true,
      word("show", 2),
      word("processes", 4),
      word("cpu", 3));

  private final String usage;
  private final Function<String, Parsed<?>> parser;
  private final boolean anyArguments;
  private final List<Word> words;

  ShowCommand(
      String usage, Function<String, Parsed<?>> parser, boolean anyArguments, Word... words) {
    this.usage = usage;
    this.parser = parser;
    this.anyArguments = anyArguments;
    this.words = List.of(words);
  }

  /** How the command is written in full, with its optional arguments. */
  String usage() {
    return usage;
  }

  Parsed<?> parse(String output) {
    return parser.apply(output);
  }

  /**
   * The command {@code text} names, if any. An output filter ({@code | include ...}) is ignored,
   * since the parsers accept filtered output of the commands that are usually filtered.
   */
  static Optional<ShowCommand> of(String text) {
    int pipe = text.indexOf('|');
    String command = (pipe < 0 ? text : text.substring(0, pipe)).strip().toLowerCase(Locale.ROOT);
    if (command.isEmpty()) {
      return Optional.empty();
    }
    List<String> tokens = Arrays.asList(command.split("\\s+"));
    return Arrays.stream(values()).filter(c -> c.matches(tokens)).findFirst();
  }

  private boolean matches(List<String> tokens) {
    if (tokens.size() < words.size()) {
      return false;
    }
    for (int i = 0; i < words.size(); i++) {
      if (!words.get(i).matches(tokens.get(i))) {
        return false;
      }
    }
    List<String> rest = tokens.subList(words.size(), tokens.size());
    if (anyArguments) {
      return true;
    }
    // isakmp and ikev2 SAs take no argument but detail; anything else is another output format
    return rest.isEmpty() || (rest.size() == 1 && word("detailed", 3).matches(rest.get(0)));
  }

  private static Word word(String keyword, int minimum) {
    return new Word(keyword, minimum);
  }

  /** A keyword and the shortest abbreviation accepted for it. */
  private record Word(String keyword, int minimum) {
    boolean matches(String token) {
      return token.length() >= Math.min(minimum, keyword.length()) && keyword.startsWith(token);
    }
  }
}
