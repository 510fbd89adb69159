package io.tunnelwatch.agent.config;

/**
 * Key paths as problems name them: {@code devices[3].ssh.known_hosts}, {@code (root)} for the
 * document itself.
 */
final class ConfigPath {

  static final String ROOT = "(root)";

  private ConfigPath() {}

  static String key(String parent, String key) {
    return ROOT.equals(parent) ? key : parent + "." + key;
  }

  static String index(String parent, int index) {
    return (ROOT.equals(parent) ? "" : parent) + "[" + index + "]";
  }

  /** Whether one path lies at, under or above the other. */
  static boolean related(String a, String b) {
    return within(a, b) || within(b, a);
  }

  private static boolean within(String path, String ancestor) {
    if (ROOT.equals(ancestor) || path.equals(ancestor)) {
      return true;
    }
    return path.startsWith(ancestor)
        && (path.charAt(ancestor.length()) == '.' || path.charAt(ancestor.length()) == '[');
  }
}
