package io.tunnelwatch.snmp;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An {@link SnmpClient} over fixed varbinds per agent address, for tests of code that uses a client
 * (the agent's poll jobs) without a network. It answers as a well-behaved agent would: GET gives
 * {@code noSuchInstance} for what it lacks, a walk returns the subtree in OID order and honours the
 * row limit. An address without varbinds times out.
 */
public final class InMemorySnmpClient implements SnmpClient {

  private final Map<String, NavigableMap<Oid, SnmpValue>> agents = new ConcurrentHashMap<>();

  /** Replaces what the agent at {@code host:port} serves. */
  public void serve(String host, int port, Collection<VarBind> varbinds) {
    NavigableMap<Oid, SnmpValue> table = new TreeMap<>();
    varbinds.forEach(vb -> table.put(vb.oid(), vb.value()));
    agents.put(host + ":" + port, table);
  }

  /** The agent at {@code host:port} stops answering. */
  public void silence(String host, int port) {
    agents.remove(host + ":" + port);
  }

  @Override
  public List<VarBind> get(SnmpTarget target, List<Oid> oids) throws SnmpException {
    NavigableMap<Oid, SnmpValue> table = agent(target);
    List<VarBind> result = new ArrayList<>(oids.size());
    for (Oid oid : oids) {
      result.add(
          new VarBind(
              oid, Objects.requireNonNullElse(table.get(oid), SnmpValue.Absent.NO_SUCH_INSTANCE)));
    }
    return result;
  }

  @Override
  public List<VarBind> walk(SnmpTarget target, Oid root, WalkLimits limits) throws SnmpException {
    List<VarBind> result = new ArrayList<>();
    for (Map.Entry<Oid, SnmpValue> e : agent(target).tailMap(root, false).entrySet()) {
      if (!e.getKey().startsWith(root)) {
        break;
      }
      if (result.size() == limits.maxRows()) {
        throw new SnmpException(
            SnmpException.Kind.TOO_MANY_ROWS,
            "walk of "
                + root
                + " on "
                + target.address()
                + " returned more than "
                + limits.maxRows()
                + " varbinds");
      }
      result.add(new VarBind(e.getKey(), e.getValue()));
    }
    return result;
  }

  private NavigableMap<Oid, SnmpValue> agent(SnmpTarget target) throws SnmpException {
    NavigableMap<Oid, SnmpValue> table = agents.get(target.address());
    if (table == null) {
      throw new SnmpException(
          SnmpException.Kind.TIMEOUT,
          "no response from " + target.address() + " (in-memory agent)");
    }
    return table;
  }
}
