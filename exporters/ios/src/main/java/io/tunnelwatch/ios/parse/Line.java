package io.tunnelwatch.ios.parse;

/**
 * One non-blank output line.
 *
 * @param number 1-based line number in the raw output
 * @param raw the line as received, without its line end
 * @param text the line trimmed, with tabs turned into spaces, which is what parsers match against
 */
public record Line(int number, String raw, String text) {}
