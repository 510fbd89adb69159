package io.tunnelwatch.agent.history;

import io.tunnelwatch.agent.events.ObjectKind;
import io.tunnelwatch.agent.events.ObjectRef;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * An {@link ObjectRef} as the five columns {@code device, subject_kind, tunnel, peer, flow}, so
 * that reports can filter on any of them.
 */
final class SubjectColumns {

  private SubjectColumns() {}

  /** Binds the five columns starting at parameter {@code first}; returns the next index. */
  static int bind(PreparedStatement statement, int first, ObjectRef subject) throws SQLException {
    statement.setString(first, subject.device());
    statement.setString(first + 1, subject.kind().name());
    statement.setString(first + 2, subject.tunnel().orElse(null));
    statement.setString(first + 3, subject.peer().orElse(null));
    statement.setString(first + 4, subject.flow().orElse(null));
    return first + 5;
  }

  static ObjectRef read(ResultSet rs) throws SQLException {
    String kind = rs.getString("subject_kind");
    ObjectKind objectKind;
    try {
      objectKind = ObjectKind.valueOf(kind);
    } catch (IllegalArgumentException e) {
      throw new SQLException(
          "stored subject kind '" + kind + "' is not one of DEVICE, TUNNEL, IKE_PEER, IPSEC_FLOW",
          e);
    }
    return new ObjectRef(
        objectKind,
        rs.getString("device"),
        Optional.ofNullable(rs.getString("tunnel")),
        Optional.ofNullable(rs.getString("peer")),
        Optional.ofNullable(rs.getString("flow")));
  }
}
