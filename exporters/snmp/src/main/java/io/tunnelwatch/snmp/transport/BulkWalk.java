package io.tunnelwatch.snmp.transport;

import io.tunnelwatch.snmp.Oid;
import io.tunnelwatch.snmp.SnmpException;
import io.tunnelwatch.snmp.SnmpException.Kind;
import io.tunnelwatch.snmp.SnmpTarget;
import io.tunnelwatch.snmp.SnmpValue;
import io.tunnelwatch.snmp.VarBind;
import io.tunnelwatch.snmp.WalkLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.snmp4j.AbstractTarget;
import org.snmp4j.PDU;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.VariableBinding;

/**
 * GETBULK walks of one or more subtrees in lockstep (the columns of one table): each request
 * carries every unfinished subtree and asks for {@code maxRepetitions / subtrees} rows of each, so
 * a response holds about {@code maxRepetitions} varbinds whether the table has one column or
 * twenty. Every subtree is checked on its own: OIDs must increase and stay inside it. One instance
 * walks once: its rows and time limit belong to that walk.
 */
final class BulkWalk {

  private final Exchange exchange;
  private final Supplier<PDU> newPdu;
  private final SnmpTarget target;
  private final AbstractTarget<UdpAddress> snmpTarget;
  private final WalkLimits limits;
  private final long started = System.nanoTime();
  private final List<VarBind> rows = new ArrayList<>();

  BulkWalk(
      Exchange exchange,
      Supplier<PDU> newPdu,
      SnmpTarget target,
      AbstractTarget<UdpAddress> snmpTarget,
      WalkLimits limits) {
    this.exchange = exchange;
    this.newPdu = newPdu;
    this.target = target;
    this.snmpTarget = snmpTarget;
    this.limits = limits;
  }

  /**
   * Walks {@code roots}: each response is taken on SNMP4J's thread and the next request sent from
   * there, so the walk holds no thread while it waits.
   */
  CompletableFuture<List<VarBind>> walk(List<Oid> roots) {
    return new Progress(roots).next();
  }

  /** Where each subtree of one walk stands. */
  private final class Progress {
    private final List<Oid> roots;
    private final Oid[] current;
    private final boolean[] done;
    private int budget = limits.maxRepetitions();
    // After an agent could not answer all subtrees in one message even at one row each, the
    // subtrees are walked one at a time.
    private boolean oneAtATime;

    Progress(List<Oid> roots) {
      this.roots = roots;
      this.current = roots.toArray(Oid[]::new);
      this.done = new boolean[roots.size()];
    }

    CompletableFuture<List<VarBind>> next() {
      List<Integer> active = notDone(done);
      if (active.isEmpty()) {
        return CompletableFuture.completedFuture(rows);
      }
      try {
        checkTime(roots, current, active);
      } catch (SnmpException e) {
        return CompletableFuture.failedFuture(e);
      }
      List<Integer> asked = oneAtATime ? active.subList(0, 1) : active;
      int repetitions = Math.max(1, budget / asked.size());
      return exchange
          .send(
              target,
              snmpTarget,
              getBulk(current, asked, repetitions),
              "GETBULK " + current[asked.get(0)])
          .thenCompose(
              response -> {
                try {
                  take(response, asked, repetitions);
                } catch (SnmpException e) {
                  return CompletableFuture.failedFuture(e);
                }
                return next();
              });
    }

    private void take(PDU response, List<Integer> asked, int repetitions) throws SnmpException {
      if (response.getErrorStatus() == PDU.tooBig) {
        if (repetitions > 1) {
          // The agent cannot fit that many rows into one message: ask for fewer.
          budget = Math.max(1, budget / 2);
        } else if (asked.size() > 1) {
          oneAtATime = true;
          budget = limits.maxRepetitions();
        } else {
          throw new SnmpException(
              Kind.ERROR_STATUS,
              target.address() + " answered tooBig even for one row at " + current[asked.get(0)]);
        }
        return;
      }
      if (response.size() < asked.size() || response.size() == 0) {
        throw new SnmpException(
            Kind.ERROR_STATUS,
            target.address()
                + " answered a GETBULK for "
                + asked.size()
                + " subtrees with "
                + response.size()
                + " varbinds, starting at "
                + current[asked.get(0)]);
      }
      List<? extends VariableBinding> bindings = response.getVariableBindings();
      for (int n = 0; n < bindings.size(); n++) {
        int i = asked.get(n % asked.size());
        if (!done[i]) {
          done[i] = !accept(roots.get(i), current, i, Snmp4jValues.toVarBind(bindings.get(n)));
        }
      }
    }
  }

  private static List<Integer> notDone(boolean[] done) {
    List<Integer> active = new ArrayList<>();
    for (int i = 0; i < done.length; i++) {
      if (!done[i]) {
        active.add(i);
      }
    }
    return active;
  }

  /** One GETBULK continuing each asked subtree from where it stands. */
  private PDU getBulk(Oid[] current, List<Integer> asked, int repetitions) {
    PDU pdu = newPdu.get();
    pdu.setType(PDU.GETBULK);
    pdu.setNonRepeaters(0);
    pdu.setMaxRepetitions(repetitions);
    for (int i : asked) {
      pdu.add(new VariableBinding(Snmp4jValues.toOid(current[i])));
    }
    return pdu;
  }

  /** Takes one varbind of subtree {@code i}; false when the subtree has ended. */
  private boolean accept(Oid root, Oid[] current, int i, VarBind vb) throws SnmpException {
    if (vb.value() == SnmpValue.Absent.END_OF_MIB_VIEW || !vb.oid().startsWith(root)) {
      return false;
    }
    if (vb.value() == SnmpValue.Absent.NO_SUCH_OBJECT
        || vb.value() == SnmpValue.Absent.NO_SUCH_INSTANCE) {
      throw new SnmpException(
          Kind.NO_SUCH,
          target.address()
              + " answered a walk of "
              + root
              + " with "
              + vb.value()
              + " at "
              + vb.oid());
    }
    if (vb.oid().compareTo(current[i]) <= 0) {
      throw new SnmpException(
          Kind.NON_INCREASING_OID,
          target.address()
              + " returned "
              + vb.oid()
              + " after "
              + current[i]
              + " while walking "
              + root
              + " (OIDs must increase)");
    }
    rows.add(vb);
    current[i] = vb.oid();
    if (rows.size() > limits.maxRows()) {
      throw new SnmpException(
          Kind.TOO_MANY_ROWS,
          "walk of "
              + root
              + " on "
              + target.address()
              + " returned more than "
              + limits.maxRows()
              + " varbinds");
    }
    return true;
  }

  private void checkTime(List<Oid> roots, Oid[] current, List<Integer> active)
      throws SnmpException {
    if (System.nanoTime() - started > limits.maxDuration().toNanos()) {
      throw new SnmpException(
          Kind.WALK_TIMEOUT,
          "walk of "
              + roots.get(0)
              + (roots.size() > 1 ? " and " + (roots.size() - 1) + " more columns" : "")
              + " on "
              + target.address()
              + " exceeded "
              + limits.maxDuration().toMillis()
              + " ms after "
              + rows.size()
              + " varbinds (last "
              + current[active.get(0)]
              + ")");
    }
  }
}
