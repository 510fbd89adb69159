package io.tunnelwatch.ios.config;

import java.util.Locale;
import java.util.Set;

/**
 * Removes secrets from configuration lines before they are kept for evidence or put in a warning.
 * It errs on the side of hiding: a token after any secret-bearing keyword goes, even where IOS
 * would not call it a secret (a GRE {@code tunnel key}), because a leaked key costs more than a
 * hidden number.
 */
final class Secrets {

  /** What replaces a secret in every line the parsers keep. */
  static final String REDACTED = "<redacted>";

  private static final Set<String> KEYWORDS =
      Set.of("key", "key-string", "password", "secret", "authentication-key", "md5", "community");
  private static final Set<String> AFTER_KEY = Set.of("address", "hostname");

  private Secrets() {}

  /** The line with the token following each secret keyword (and its type digit) replaced. */
  static String redact(String line) {
    String[] tokens = line.split(" ", -1);
    boolean changed = false;
    for (int i = 0; i < tokens.length - 1; i++) {
      if (!KEYWORDS.contains(tokens[i].toLowerCase(Locale.ROOT))) {
        continue;
      }
      int secret = i + 1;
      if (isTypeDigit(tokens[secret])
          && secret + 1 < tokens.length
          && !AFTER_KEY.contains(tokens[secret + 1])) {
        secret++;
      }
      if (!tokens[secret].isEmpty() && !tokens[secret].equals(REDACTED)) {
        tokens[secret] = REDACTED;
        changed = true;
      }
      i = secret;
    }
    return changed ? String.join(" ", tokens) : line;
  }

  static boolean isTypeDigit(String token) {
    return token.length() == 1 && "05678".indexOf(token.charAt(0)) >= 0;
  }
}
