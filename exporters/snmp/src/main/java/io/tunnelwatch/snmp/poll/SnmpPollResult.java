package io.tunnelwatch.snmp.poll;

import io.tunnelwatch.core.model.DeviceSnapshot;
import io.tunnelwatch.snmp.mib.MibWarning;
import java.util.List;
import java.util.Objects;

/**
 * One SNMP poll of one device.
 *
 * @param snapshot the device as SNMP saw it ({@code source} SNMP)
 * @param warnings rows and values that could not be used, and a restart seen since the last poll
 */
public record SnmpPollResult(DeviceSnapshot snapshot, List<MibWarning> warnings) {
  public SnmpPollResult {
    Objects.requireNonNull(snapshot, "snapshot");
    warnings = List.copyOf(warnings);
  }
}
