package io.tunnelwatch.snmp;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Reads SNMP agents. Requests are asynchronous: a call sends (or queues) the request and returns at
 * once, so a whole fleet can be read with a few threads; the future completes with the answer or
 * fails with an {@link SnmpException}. Implementations are thread-safe; one instance serves every
 * device. The blocking methods wait for the asynchronous ones, for callers that read one device.
 */
public interface SnmpClient {

  /**
   * GETs the given instances in one request. A missing instance comes back as {@link
   * SnmpValue.Absent#NO_SUCH_OBJECT} or {@link SnmpValue.Absent#NO_SUCH_INSTANCE}, in request
   * order, so that callers decide what is required. Fails on timeout, authentication failure,
   * error-status or transport failure.
   */
  CompletableFuture<List<VarBind>> getAsync(SnmpTarget target, List<Oid> oids);

  /**
   * Walks several subtrees (the wanted columns of one table) with GETBULK, in lockstep, within
   * {@code limits} for them together: rows and wall time are counted over all of them. The result
   * holds each subtree's varbinds in OID order, the subtrees possibly interleaved; empty when the
   * agent has nothing there. Fails on timeout, authentication failure, an OID that does not
   * increase, too many rows, a walk over its time limit, an exception value inside a subtree.
   */
  CompletableFuture<List<VarBind>> walkColumnsAsync(
      SnmpTarget target, List<Oid> roots, WalkLimits limits);

  /** Walks the subtree under {@code root}, as {@link #walkColumnsAsync} does for one column. */
  default CompletableFuture<List<VarBind>> walkAsync(
      SnmpTarget target, Oid root, WalkLimits limits) {
    return walkColumnsAsync(target, List.of(root), limits);
  }

  /** {@link #getAsync}, waited for. */
  default List<VarBind> get(SnmpTarget target, List<Oid> oids) throws SnmpException {
    return SnmpFutures.join(getAsync(target, oids));
  }

  /** {@link #walkAsync}, waited for. */
  default List<VarBind> walk(SnmpTarget target, Oid root, WalkLimits limits) throws SnmpException {
    return SnmpFutures.join(walkAsync(target, root, limits));
  }

  /** {@link #walkColumnsAsync}, waited for. */
  default List<VarBind> walkColumns(SnmpTarget target, List<Oid> roots, WalkLimits limits)
      throws SnmpException {
    return SnmpFutures.join(walkColumnsAsync(target, roots, limits));
  }
}
