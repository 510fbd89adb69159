package io.tunnelwatch.testing.snmp;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.snmp4j.CommandResponder;
import org.snmp4j.CommandResponderEvent;
import org.snmp4j.MessageException;
import org.snmp4j.PDU;
import org.snmp4j.Snmp;
import org.snmp4j.mp.StatusInformation;
import org.snmp4j.smi.Address;
import org.snmp4j.smi.Null;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.transport.DefaultUdpTransportMapping;

/**
 * A v2c agent on a real UDP socket whose answers a test scripts: a well-behaved table server by
 * default, or any misbehaviour a {@link Script} describes.
 */
public final class ScriptedAgent implements AutoCloseable {

  /** What the agent answers; {@code null} means no answer at all. */
  public interface Script {
    @Nullable Reply answer(PDU request, int requestNumber);
  }

  /** A response: error status and varbinds. */
  public record Reply(int errorStatus, int errorIndex, List<VariableBinding> varbinds) {
    public static Reply of(List<VariableBinding> varbinds) {
      return new Reply(PDU.noError, 0, varbinds);
    }
  }

  private final Snmp snmp;
  private final String community;
  private final AtomicInteger requests = new AtomicInteger();
  private volatile Script script;

  private ScriptedAgent(String community, Script script) throws IOException {
    this.community = community;
    this.script = script;
    DefaultUdpTransportMapping transport =
        new DefaultUdpTransportMapping(new UdpAddress(InetAddress.getLoopbackAddress(), 0));
    this.snmp = new Snmp(transport);
    snmp.addCommandResponder(new Responder());
    snmp.listen();
  }

  public static ScriptedAgent start(String community, Script script) throws IOException {
    return new ScriptedAgent(community, script);
  }

  /** A well-behaved agent serving {@code values}. */
  public static Script table(Map<OID, Variable> values) {
    NavigableMap<OID, Variable> sorted = new TreeMap<>(values);
    return (request, n) -> Reply.of(serve(sorted, request));
  }

  /** GET / GETNEXT / GETBULK over a sorted map, as RFC 3416 says. */
  public static List<VariableBinding> serve(NavigableMap<OID, Variable> values, PDU request) {
    List<VariableBinding> out = new ArrayList<>();
    if (request.getType() == PDU.GET) {
      for (VariableBinding vb : request.getVariableBindings()) {
        Variable v = values.get(vb.getOid());
        out.add(new VariableBinding(vb.getOid(), v == null ? Null.noSuchInstance : v));
      }
      return out;
    }
    int repetitions =
        request.getType() == PDU.GETBULK ? Math.max(1, request.getMaxRepetitions()) : 1;
    List<OID> current = new ArrayList<>();
    request.getVariableBindings().forEach(vb -> current.add(vb.getOid()));
    // RFC 3416 4.2.3: repetition by repetition, every variable in each.
    for (int r = 0; r < repetitions; r++) {
      boolean allEnded = true;
      for (int j = 0; j < current.size(); j++) {
        Map.Entry<OID, Variable> next = values.higherEntry(current.get(j));
        if (next == null) {
          out.add(new VariableBinding(current.get(j), Null.endOfMibView));
        } else {
          allEnded = false;
          out.add(new VariableBinding(next.getKey(), next.getValue()));
          current.set(j, next.getKey());
        }
      }
      if (allEnded) {
        break;
      }
    }
    return out;
  }

  public void script(Script newScript) {
    this.script = newScript;
  }

  public int port() {
    return ((UdpAddress)
            snmp.getMessageDispatcher().getTransportMappings().iterator().next().getListenAddress())
        .getPort();
  }

  public int requests() {
    return requests.get();
  }

  @Override
  public void close() throws IOException {
    snmp.close();
  }

  private final class Responder implements CommandResponder {
    @Override
    public <A extends Address> void processPdu(CommandResponderEvent<A> event) {
      String received = new String(event.getSecurityName(), StandardCharsets.UTF_8);
      if (!community.equals(received)) {
        return; // as a real agent does: silence
      }
      int n = requests.incrementAndGet();
      Reply reply = script.answer(event.getPDU(), n);
      event.setProcessed(true);
      if (reply == null) {
        return;
      }
      PDU response = new PDU();
      response.setType(PDU.RESPONSE);
      response.setRequestID(event.getPDU().getRequestID());
      response.setErrorStatus(reply.errorStatus());
      response.setErrorIndex(reply.errorIndex());
      response.addAll(reply.varbinds());
      try {
        event
            .getMessageDispatcher()
            .returnResponsePdu(
                event.getMessageProcessingModel(),
                event.getSecurityModel(),
                event.getSecurityName(),
                event.getSecurityLevel(),
                response,
                event.getMaxSizeResponsePDU(),
                event.getStateReference(),
                new StatusInformation());
      } catch (MessageException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
