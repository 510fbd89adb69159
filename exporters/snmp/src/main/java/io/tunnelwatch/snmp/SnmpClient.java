package io.tunnelwatch.snmp;

import java.util.List;

/** Reads SNMP agents. Implementations are thread-safe; one instance serves every device. */
public interface SnmpClient {

  /**
   * GETs the given instances in one request. A missing instance comes back as {@link
   * SnmpValue.Absent#NO_SUCH_OBJECT} or {@link SnmpValue.Absent#NO_SUCH_INSTANCE}, in request
   * order, so that callers decide what is required.
   *
   * @throws SnmpException on timeout, authentication failure, error-status or transport failure
   */
  List<VarBind> get(SnmpTarget target, List<Oid> oids) throws SnmpException;

  /**
   * Walks the subtree under {@code root} with GETBULK, in OID order, within {@code limits}. An
   * empty list means the agent has nothing there.
   *
   * @throws SnmpException on timeout, authentication failure, an OID that does not increase, too
   *     many rows, a walk over its time limit, an exception value inside the subtree
   */
  List<VarBind> walk(SnmpTarget target, Oid root, WalkLimits limits) throws SnmpException;

  /**
   * Walks several subtrees (the wanted columns of one table), within {@code limits} for them
   * together: rows and wall time are counted over all of them. The result holds each subtree's
   * varbinds in OID order, the subtrees possibly interleaved. This default walks them one after the
   * other; the SNMP4J client walks them in lockstep, several columns per request.
   *
   * @throws SnmpException as {@link #walk}
   */
  default List<VarBind> walkColumns(SnmpTarget target, List<Oid> roots, WalkLimits limits)
      throws SnmpException {
    List<VarBind> all = new java.util.ArrayList<>();
    for (Oid root : roots) {
      all.addAll(walk(target, root, limits));
    }
    return all;
  }
}
