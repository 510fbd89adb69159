package io.tunnelwatch.lab.snmp;

import io.tunnelwatch.lab.sim.RouterSnapshot;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.Variable;

/**
 * Everything one simulated router serves over SNMP at one instant: a sorted, immutable map from
 * instance OID to value, built from the same {@link RouterSnapshot} the CLI renders, so both faces
 * always agree.
 */
public final class MibView {
  private final NavigableMap<OID, Variable> values;

  private MibView(NavigableMap<OID, Variable> values) {
    this.values = Collections.unmodifiableNavigableMap(values);
  }

  /** The view of a router with the failure counters and records its snapshot carries. */
  public static MibView of(RouterSnapshot snapshot) {
    return of(snapshot, FailureState.of(snapshot));
  }

  /** The view of a router with the given failure counters and records. */
  public static MibView of(RouterSnapshot snapshot, FailureState failures) {
    TreeMap<OID, Variable> values = new TreeMap<>();
    SystemGroup.write(snapshot, values);
    InterfaceTables.write(snapshot, values);
    CpuTable.write(snapshot, values);
    IpsecFlowTables.write(snapshot, failures, values);
    return new MibView(values);
  }

  /** Every instance and its value, in OID order. */
  public NavigableMap<OID, Variable> values() {
    return values;
  }

  public Optional<Variable> get(OID oid) {
    return Optional.ofNullable(values.get(oid));
  }

  /** The first instance after {@code oid} in lexicographic order (GETNEXT). */
  public Optional<Map.Entry<OID, Variable>> next(OID oid) {
    return Optional.ofNullable(values.higherEntry(oid));
  }

  /** The instances under {@code prefix}, in order (a walk of that subtree). */
  public NavigableMap<OID, Variable> subtree(OID prefix) {
    OID end = prefix.nextPeer();
    return values.subMap(prefix, true, end, false);
  }

  /** Whether anything is served under {@code prefix}. */
  public boolean hasSubtree(OID prefix) {
    return !subtree(prefix).isEmpty();
  }
}
