package io.tunnelwatch.agent.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tunnelwatch.agent.alerting.Alert;
import io.tunnelwatch.agent.alerting.OutboxJournal;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alert outboxes in the history store's {@code alert_outbox} table: one row per destination and
 * condition, holding the condition's latest state as JSON until the destination accepted it.
 */
final class JdbcOutboxJournal implements OutboxJournal {

  private static final Logger LOG = LoggerFactory.getLogger(JdbcOutboxJournal.class);

  private final HistoryConnection connection;
  private final ObjectMapper json = StoredJson.builder().build();
  // Only for logging an outage once and its end once.
  private volatile boolean failing;

  JdbcOutboxJournal(HistoryConnection connection) {
    this.connection = connection;
  }

  @Override
  public void keep(String destination, Alert alert) {
    String payload = encode(alert);
    write(
        "journal an alert",
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO alert_outbox (destination, condition_key, payload)"
                      + " VALUES (?, ?, ?) ON CONFLICT (destination, condition_key)"
                      + " DO UPDATE SET payload = excluded.payload")) {
            s.setString(1, destination);
            s.setString(2, alert.key());
            s.setString(3, payload);
            s.executeUpdate();
          }
        });
  }

  @Override
  public void delivered(String destination, List<Alert> alerts) {
    write(
        "forget delivered alerts",
        c -> {
          // Only the state that was delivered: a newer one journaled meanwhile stays.
          try (PreparedStatement s =
              c.prepareStatement(
                  "DELETE FROM alert_outbox"
                      + " WHERE destination = ? AND condition_key = ? AND payload = ?")) {
            for (Alert alert : alerts) {
              s.setString(1, destination);
              s.setString(2, alert.key());
              s.setString(3, encode(alert));
              s.addBatch();
            }
            s.executeBatch();
          }
        });
  }

  @Override
  public List<Alert> waiting(String destination) {
    List<String> payloads;
    try {
      payloads =
          connection.run(
              "read the journaled alerts",
              c -> {
                List<String> rows = new ArrayList<>();
                try (PreparedStatement s =
                    c.prepareStatement(
                        "SELECT payload FROM alert_outbox WHERE destination = ?"
                            + " ORDER BY condition_key")) {
                  s.setString(1, destination);
                  try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                      rows.add(rs.getString(1));
                    }
                  }
                }
                return rows;
              });
    } catch (HistoryStoreException e) {
      LOG.error("cannot read the alerts journaled for {}: {}", destination, e.getMessage());
      return List.of();
    }
    List<Alert> alerts = new ArrayList<>();
    for (String payload : payloads) {
      try {
        alerts.add(json.readValue(payload, Alert.class));
      } catch (IOException e) {
        LOG.warn(
            "a journaled alert for {} cannot be read, skipped: {}", destination, e.getMessage());
      }
    }
    return alerts;
  }

  private String encode(Alert alert) {
    try {
      return json.writeValueAsString(alert);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write alert " + alert.key(), e);
    }
  }

  private void write(String what, HistoryConnection.Update update) {
    try {
      connection.update(what, update);
      if (failing) {
        failing = false;
        LOG.info("the alert journal is written again");
      }
    } catch (HistoryStoreException e) {
      if (!failing) {
        failing = true;
        LOG.error(
            "cannot journal alerts; a restart now would lose undelivered ones: {}", e.getMessage());
      }
    }
  }
}
