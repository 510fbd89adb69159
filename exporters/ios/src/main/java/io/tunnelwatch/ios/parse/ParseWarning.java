package io.tunnelwatch.ios.parse;

import io.tunnelwatch.core.PeerText;

/**
 * A line a parser could not use. Parsers skip such lines instead of failing, so that one odd line
 * does not hide the rest of a poll; the warning keeps the skip visible.
 *
 * @param command the show command whose output held the line
 * @param lineNumber 1-based line number in the raw output, 0 when the warning is about the output
 *     as a whole
 * @param line the raw line, empty when lineNumber is 0
 * @param reason why the line was not used
 */
public record ParseWarning(String command, int lineNumber, String line, String reason) {

  @Override
  public String toString() {
    return lineNumber == 0
        ? command + ": " + reason
        : command + " line " + lineNumber + ": " + reason + ": " + PeerText.quote(line);
  }
}
