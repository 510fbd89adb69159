package io.tunnelwatch.lab.ios;

/** The outcome of parsing one exec line. */
public sealed interface ParsedLine {

  /** Nothing but blanks was typed. */
  record Empty() implements ParsedLine {}

  /**
   * A complete command.
   *
   * @param argument the interface name (canonical) or number given, or null
   * @param canonical the command with every keyword written out in full, e.g. {@code show crypto
   *     isakmp sa} for {@code sh cry isa sa}; what fault rules match against
   * @param pipe the output filter, or null
   * @param ping what to ping, for {@link CommandId#PING} only; null otherwise
   */
  record Command(CommandId id, String argument, String canonical, OutputPipe pipe, PingRequest ping)
      implements ParsedLine {

    /** Any command but {@code ping}. */
    public Command(CommandId id, String argument, String canonical, OutputPipe pipe) {
      this(id, argument, canonical, pipe, null);
    }
  }

  /** Input IOS rejects, with the text IOS would answer. */
  record Rejected(Kind kind, int position, String input) implements ParsedLine {

    /** IOS's parse errors. */
    public enum Kind {
      INVALID,
      INCOMPLETE,
      AMBIGUOUS,
      UNKNOWN_COMMAND,
      /** A word where an address belongs that is none and that no name lookup resolves. */
      UNRECOGNIZED_HOST
    }

    /**
     * The error as IOS prints it below the echoed line.
     *
     * @param promptLength the caret is placed under the offending character of the echoed line,
     *     which starts after the prompt
     */
    public String message(int promptLength) {
      return switch (kind) {
        case INVALID ->
            " ".repeat(promptLength + position) + "^\n% Invalid input detected at '^' marker.\n\n";
        case INCOMPLETE -> "% Incomplete command.\n\n";
        case AMBIGUOUS -> "% Ambiguous command:  \"" + input.strip() + "\"\n";
        case UNKNOWN_COMMAND ->
            "% Unknown command or computer name, or unable to find computer address\n";
        case UNRECOGNIZED_HOST -> "% Unrecognized host or address, or protocol not running.\n\n";
      };
    }
  }
}
