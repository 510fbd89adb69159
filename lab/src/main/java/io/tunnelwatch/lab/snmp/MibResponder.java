package io.tunnelwatch.lab.snmp;

import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.snmp4j.CommandResponder;
import org.snmp4j.CommandResponderEvent;
import org.snmp4j.MessageException;
import org.snmp4j.PDU;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.mp.StatusInformation;
import org.snmp4j.security.SecurityLevel;
import org.snmp4j.security.SecurityModel;
import org.snmp4j.smi.Null;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;

/**
 * Answers GET, GETNEXT and GETBULK from a fresh {@link MibView} per request. Like a real agent it
 * stays silent for a wrong community (USM already answers unknown v3 users with a report), refuses
 * v3 requests below authPriv, and refuses writes.
 */
final class MibResponder implements CommandResponder {
  private static final Logger log = LoggerFactory.getLogger(MibResponder.class);

  /** Room left in a response for the message header and v3 security parameters. */
  private static final int HEADER_ALLOWANCE = 200;

  private final String routerName;
  private final Supplier<MibView> views;
  private final byte[] community;
  private final BooleanSupplier answering;

  MibResponder(
      String routerName, Supplier<MibView> views, byte[] community, BooleanSupplier answering) {
    this.routerName = routerName;
    this.views = views;
    this.community = community == null ? null : community.clone();
    this.answering = answering;
  }

  @Override
  public <A extends org.snmp4j.smi.Address> void processPdu(CommandResponderEvent<A> event) {
    PDU request = event.getPDU();
    if (request == null) {
      return;
    }
    event.setProcessed(true);
    if (!answering.getAsBoolean()) {
      return;
    }
    int model = event.getSecurityModel();
    if (model == SecurityModel.SECURITY_MODEL_SNMPv1
        || model == SecurityModel.SECURITY_MODEL_SNMPv2c) {
      if (community == null || !Arrays.equals(community, event.getSecurityName())) {
        // A real agent drops the request and counts snmpInBadCommunityNames; no answer at all.
        log.debug("{}: request with a wrong community from {}", routerName, event.getPeerAddress());
        return;
      }
    }
    PDU response = (PDU) request.clone();
    response.setType(PDU.RESPONSE);
    response.setErrorStatus(0);
    response.setErrorIndex(0);
    if (model == SecurityModel.SECURITY_MODEL_USM
        && event.getSecurityLevel() != SecurityLevel.AUTH_PRIV) {
      response.setErrorStatus(SnmpConstants.SNMP_ERROR_AUTHORIZATION_ERROR);
    } else {
      answer(request, response, event.getMaxSizeResponsePDU() - HEADER_ALLOWANCE);
      // PDU.clear() also zeroes the request ID, which the manager needs to match the answer.
      response.setRequestID(request.getRequestID());
    }
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
      log.warn("{}: could not answer {}: {}", routerName, event.getPeerAddress(), e.getMessage());
    }
  }

  private void answer(PDU request, PDU response, int maxBytes) {
    MibView view = views.get();
    List<? extends VariableBinding> asked = request.getVariableBindings();
    switch (request.getType()) {
      case PDU.GET -> {
        response.clear();
        for (VariableBinding vb : asked) {
          response.add(new VariableBinding(vb.getOid(), get(view, vb.getOid())));
        }
      }
      case PDU.GETNEXT -> {
        response.clear();
        for (VariableBinding vb : asked) {
          response.add(next(view, vb.getOid()));
        }
      }
      case PDU.GETBULK -> bulk(view, request, response, maxBytes);
      default -> {
        response.setErrorStatus(PDU.notWritable);
        response.setErrorIndex(1);
      }
    }
  }

  private static Variable get(MibView view, OID oid) {
    return view.get(oid)
        .orElseGet(
            () -> {
              OID parent = new OID(oid.getValue(), 0, Math.max(1, oid.size() - 1));
              return view.hasSubtree(parent) ? Null.noSuchInstance : Null.noSuchObject;
            });
  }

  private static VariableBinding next(MibView view, OID oid) {
    return view.next(oid)
        .map(e -> new VariableBinding(e.getKey(), e.getValue()))
        .orElseGet(() -> new VariableBinding(oid, Null.endOfMibView));
  }

  private static void bulk(MibView view, PDU request, PDU response, int maxBytes) {
    List<? extends VariableBinding> asked = request.getVariableBindings();
    int nonRepeaters = Math.max(0, Math.min(request.getNonRepeaters(), asked.size()));
    int repetitions = Math.max(0, request.getMaxRepetitions());
    response.clear();
    int bytes = 0;
    for (int i = 0; i < nonRepeaters; i++) {
      VariableBinding vb = next(view, asked.get(i).getOid());
      response.add(vb);
      bytes += vb.getBERLength();
    }
    OID[] cursors = new OID[asked.size() - nonRepeaters];
    for (int i = 0; i < cursors.length; i++) {
      cursors[i] = asked.get(nonRepeaters + i).getOid();
    }
    for (int r = 0; r < repetitions && cursors.length > 0; r++) {
      boolean allEnded = true;
      for (int i = 0; i < cursors.length; i++) {
        VariableBinding vb = next(view, cursors[i]);
        bytes += vb.getBERLength();
        if (bytes > maxBytes && response.size() > 0) {
          return;
        }
        response.add(vb);
        if (!(vb.getVariable() instanceof Null)) {
          allEnded = false;
          cursors[i] = vb.getOid();
        }
      }
      if (allEnded) {
        return;
      }
    }
  }
}
