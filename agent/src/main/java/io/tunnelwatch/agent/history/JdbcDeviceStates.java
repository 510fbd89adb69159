package io.tunnelwatch.agent.history;

import io.tunnelwatch.agent.events.DeviceStateStore;
import io.tunnelwatch.agent.events.SavedDeviceState;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Device states in the history store's {@code device_state} table, one row per device, replaced on
 * each save. A state that cannot be read (another format, a damaged row) is logged and ignored: the
 * device starts from scratch rather than the agent not starting.
 */
final class JdbcDeviceStates implements DeviceStateStore {

  private static final Logger LOG = LoggerFactory.getLogger(JdbcDeviceStates.class);

  private final HistoryConnection connection;
  private final DeviceStateCodec codec = new DeviceStateCodec();
  private final Clock clock;
  // Only for logging an outage once and its end once.
  private volatile boolean saveFailing;

  JdbcDeviceStates(HistoryConnection connection, Clock clock) {
    this.connection = connection;
    this.clock = clock;
  }

  @Override
  public Optional<SavedDeviceState> load(String device) {
    Optional<Row> row;
    try {
      row =
          connection.run(
              "read the state of " + device,
              c -> {
                try (PreparedStatement s =
                    c.prepareStatement("SELECT format, state FROM device_state WHERE device = ?")) {
                  s.setString(1, device);
                  try (ResultSet rs = s.executeQuery()) {
                    return rs.next()
                        ? Optional.of(new Row(rs.getInt(1), rs.getString(2)))
                        : Optional.<Row>empty();
                  }
                }
              });
    } catch (HistoryStoreException e) {
      LOG.error("{}: cannot read the saved state, starting afresh: {}", device, e.getMessage());
      return Optional.empty();
    }
    return row.flatMap(r -> decode(device, r));
  }

  private Optional<SavedDeviceState> decode(String device, Row row) {
    if (row.format() != DeviceStateCodec.FORMAT) {
      LOG.warn(
          "{}: the saved state is in format {}, this agent reads {}; starting afresh",
          device,
          row.format(),
          DeviceStateCodec.FORMAT);
      return Optional.empty();
    }
    try {
      SavedDeviceState state = codec.decode(row.json());
      if (!state.device().equals(device)) {
        LOG.warn("{}: the saved state belongs to {}; starting afresh", device, state.device());
        return Optional.empty();
      }
      return Optional.of(state);
    } catch (IOException | RuntimeException e) {
      LOG.warn("{}: the saved state cannot be read ({}); starting afresh", device, e.getMessage());
      return Optional.empty();
    }
  }

  @Override
  public void save(SavedDeviceState state) {
    String json = codec.encode(state);
    try {
      connection.update(
          "save the state of " + state.device(),
          c -> {
            try (PreparedStatement s =
                c.prepareStatement(
                    "INSERT INTO device_state (device, saved_at_ns, format, state)"
                        + " VALUES (?, ?, ?, ?) ON CONFLICT (device) DO UPDATE SET"
                        + " saved_at_ns = excluded.saved_at_ns, format = excluded.format,"
                        + " state = excluded.state")) {
              s.setString(1, state.device());
              s.setLong(2, EpochNanos.of(clock.instant()));
              s.setInt(3, DeviceStateCodec.FORMAT);
              s.setString(4, json);
              s.executeUpdate();
            }
          });
      if (saveFailing) {
        saveFailing = false;
        LOG.info("device states are saved again");
      }
    } catch (HistoryStoreException e) {
      if (!saveFailing) {
        saveFailing = true;
        LOG.error(
            "cannot save device states; a restart now would start from older ones: {}",
            e.getMessage());
      }
    }
  }

  @Override
  public void remove(String device) {
    try {
      connection.update(
          "forget the state of " + device,
          c -> {
            try (PreparedStatement s =
                c.prepareStatement("DELETE FROM device_state WHERE device = ?")) {
              s.setString(1, device);
              s.executeUpdate();
            }
          });
    } catch (HistoryStoreException e) {
      LOG.error("{}: cannot forget the saved state: {}", device, e.getMessage());
    }
  }

  private record Row(int format, String json) {}
}
