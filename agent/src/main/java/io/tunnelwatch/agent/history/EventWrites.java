package io.tunnelwatch.agent.history;

import io.tunnelwatch.agent.events.Event;
import io.tunnelwatch.agent.events.StateTransition;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/** Appends events and state transitions, each committed before the method returns. */
final class EventWrites {

  /** Sets a row's parameters on the prepared INSERT. */
  private interface Binder {
    void bind(PreparedStatement s) throws SQLException;
  }

  private final HistoryConnection connection;

  EventWrites(HistoryConnection connection) {
    this.connection = connection;
  }

  /** Appends an event; returns its row id once it is durable. */
  long append(Event event) {
    return insert(
        "append an event",
        "INSERT INTO events (at_ns, device, subject_kind, tunnel, peer, flow, kind,"
            + " status, severity, summary, evidence)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        s -> {
          s.setLong(1, EpochNanos.of(event.at()));
          int i = SubjectColumns.bind(s, 2, event.subject());
          s.setString(i, event.kind().wireName());
          s.setString(i + 1, event.status().name());
          s.setString(i + 2, event.severity().name());
          s.setString(i + 3, event.summary());
          s.setString(i + 4, EvidenceCodec.encode(event.evidence()));
        });
  }

  /** Appends a state transition; returns its row id once it is durable. */
  long append(StateTransition transition) {
    return insert(
        "append a state transition",
        "INSERT INTO transitions (at_ns, device, subject_kind, tunnel, peer, flow,"
            + " from_state, to_state, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        s -> {
          s.setLong(1, EpochNanos.of(transition.at()));
          int i = SubjectColumns.bind(s, 2, transition.subject());
          s.setString(i, transition.from().name());
          s.setString(i + 1, transition.to().name());
          s.setString(i + 2, transition.detail());
        });
  }

  private long insert(String what, String sql, Binder binder) {
    return connection.run(
        what,
        c -> {
          try (PreparedStatement s = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            binder.bind(s);
            s.executeUpdate();
            return HistoryConnection.generatedId(s);
          }
        });
  }
}
