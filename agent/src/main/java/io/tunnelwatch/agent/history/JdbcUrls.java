package io.tunnelwatch.agent.history;

/** JDBC URLs can carry a password in their parameters: only the part before them is ever shown. */
final class JdbcUrls {

  private JdbcUrls() {}

  static String redact(String jdbcUrl) {
    int query = jdbcUrl.indexOf('?');
    String base = query < 0 ? jdbcUrl : jdbcUrl.substring(0, query) + "?…";
    // user:password@host forms
    int at = base.indexOf('@');
    int scheme = base.indexOf("//");
    if (at > 0 && scheme >= 0 && at > scheme) {
      base = base.substring(0, scheme + 2) + "…@" + base.substring(at + 1);
    }
    return base;
  }
}
