package io.tunnelwatch.ios.parse;

/**
 * The text is not the output of the command it was given as: an IOS error such as {@code % Invalid
 * input detected}, an empty output where IOS always prints a header, or unrelated text.
 */
public class ParseException extends RuntimeException {

  private final String command;
  private final String reason;
  private final int lineNumber;

  public ParseException(String command, String reason) {
    this(command, reason, 0);
  }

  public ParseException(String command, String reason, int lineNumber) {
    super(
        lineNumber == 0
            ? command + ": " + reason
            : command + ": " + reason + " (line " + lineNumber + ")");
    this.command = command;
    this.reason = reason;
    this.lineNumber = lineNumber;
  }

  /** The show command whose output was rejected. */
  public String command() {
    return command;
  }

  /** Why the output was rejected. */
  public String reason() {
    return reason;
  }

  /** 1-based line number the rejection points at, 0 when it concerns the output as a whole. */
  public int lineNumber() {
    return lineNumber;
  }
}
