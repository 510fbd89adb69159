package io.tunnelwatch.agent.history;

import java.util.List;

/**
 * One forward-only schema step. Statements may use {@code {id}} for the dialect's generated row id
 * column. Never edit a released migration: add the next one.
 */
record Migration(int version, String description, List<String> statements) {

  List<String> statementsFor(SqlDialect dialect) {
    return statements.stream().map(s -> s.replace("{id}", dialect.identityColumn())).toList();
  }
}
