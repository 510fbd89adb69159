package io.tunnelwatch.snmp.mib;

import java.util.List;

/** What a MIB reader made of its varbinds, with the warnings about what it could not use. */
public record MibRead<T>(T value, List<MibWarning> warnings) {
  public MibRead {
    warnings = List.copyOf(warnings);
  }
}
