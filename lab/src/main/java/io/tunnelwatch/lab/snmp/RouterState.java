package io.tunnelwatch.lab.snmp;

import io.tunnelwatch.lab.sim.CryptoSnapshot;
import io.tunnelwatch.lab.sim.InterfaceSnapshot;
import io.tunnelwatch.lab.sim.RouterSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the SNMP face serves for one router at one instant: the snapshot and its failure state. Its
 * {@link #view()} is the MIB; its {@link #trapKey()} holds just what traps react to, so that
 * periodic change checks can skip building two full views while nothing relevant changed.
 */
public record RouterState(RouterSnapshot snapshot, FailureState failures) {
  public RouterState {
    Objects.requireNonNull(snapshot, "snapshot");
    Objects.requireNonNull(failures, "failures");
  }

  public MibView view() {
    return MibView.of(snapshot, failures);
  }

  /**
   * Line protocol of every interface, the SA identities of every session and the last failure
   * record indexes: equal keys mean {@link TrapDetector} would find nothing between the two views.
   */
  record TrapKey(
      List<Boolean> lineUp, List<Integer> ikeIds, List<Integer> espIds, int phase1, int phase2) {}

  TrapKey trapKey() {
    List<Boolean> lineUp = new ArrayList<>();
    for (InterfaceSnapshot i : snapshot.interfaces()) {
      lineUp.add(i.lineUp());
    }
    List<Integer> ike = new ArrayList<>();
    List<Integer> esp = new ArrayList<>();
    for (CryptoSnapshot c : snapshot.sessions()) {
      ike.add(IpsecFlowTables.ikeIndex(c));
      esp.add(IpsecFlowTables.ipsecIndex(c));
    }
    return new TrapKey(
        lineUp,
        ike,
        esp,
        failures.phase1().isEmpty()
            ? 0
            : failures.phase1().get(failures.phase1().size() - 1).index(),
        failures.phase2().isEmpty()
            ? 0
            : failures.phase2().get(failures.phase2().size() - 1).index());
  }
}
