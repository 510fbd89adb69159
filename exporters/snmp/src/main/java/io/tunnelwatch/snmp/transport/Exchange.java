package io.tunnelwatch.snmp.transport;

import io.tunnelwatch.core.PeerText;
import io.tunnelwatch.snmp.SnmpCredentials;
import io.tunnelwatch.snmp.SnmpException;
import io.tunnelwatch.snmp.SnmpException.Kind;
import io.tunnelwatch.snmp.SnmpTarget;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.snmp4j.AbstractTarget;
import org.snmp4j.PDU;
import org.snmp4j.Snmp;
import org.snmp4j.event.ResponseEvent;
import org.snmp4j.event.ResponseListener;
import org.snmp4j.smi.Address;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.UdpAddress;

/**
 * One request and its response, with every way it can fail turned into an {@link SnmpException};
 * sent asynchronously, within the client's {@link RequestWindow}.
 */
final class Exchange {

  private static final String[] ERROR_STATUS_NAMES = {
    "noError",
    "tooBig",
    "noSuchName",
    "badValue",
    "readOnly",
    "genErr",
    "noAccess",
    "wrongType",
    "wrongLength",
    "wrongEncoding",
    "wrongValue",
    "noCreation",
    "inconsistentValue",
    "resourceUnavailable",
    "commitFailed",
    "undoFailed",
    "authorizationError",
    "notWritable",
    "inconsistentName"
  };

  private final Snmp snmp;
  private final UsmSessions usm;
  private final RequestWindow window;

  Exchange(Snmp snmp, UsmSessions usm, RequestWindow window) {
    this.snmp = snmp;
    this.usm = usm;
    this.window = window;
  }

  /**
   * Sends {@code pdu} when the request window has room and completes with the response. A GETBULK
   * answered with {@code tooBig} is returned as it is, so that the walk can ask for fewer rows. The
   * future completes on SNMP4J's receive or timer thread: what follows it must not block.
   *
   * @param what the request for messages, e.g. {@code GETBULK 1.3.6.1…}
   */
  CompletableFuture<PDU> send(
      SnmpTarget target, AbstractTarget<UdpAddress> snmpTarget, PDU pdu, String what) {
    CompletableFuture<PDU> result = new CompletableFuture<>();
    window.submit(() -> sendNow(target, snmpTarget, pdu, what, result));
    return result;
  }

  /** True when the request is on the wire; false when it failed at once (then result is done). */
  private boolean sendNow(
      SnmpTarget target,
      AbstractTarget<UdpAddress> snmpTarget,
      PDU pdu,
      String what,
      CompletableFuture<PDU> result) {
    long sentNanos = System.nanoTime();
    ResponseListener listener =
        new ResponseListener() {
          private final AtomicBoolean answered = new AtomicBoolean();

          @Override
          public <A extends Address> void onResponse(ResponseEvent<A> event) {
            // SNMP4J keeps an asynchronous request (and resends it) until it is cancelled.
            snmp.cancel(event.getRequest(), this);
            if (!answered.compareAndSet(false, true)) {
              return;
            }
            window.release();
            try {
              result.complete(interpret(target, snmpTarget, pdu, event, what, sentNanos));
            } catch (SnmpException e) {
              result.completeExceptionally(e);
            } catch (RuntimeException e) {
              // Never lose a future: its poll would wait for ever.
              result.completeExceptionally(e);
            }
          }
        };
    try {
      snmp.send(pdu, snmpTarget, null, listener);
      return true;
    } catch (IOException | RuntimeException e) {
      result.completeExceptionally(
          new SnmpException(
              Kind.TRANSPORT,
              what
                  + " to "
                  + target.address()
                  + " failed: "
                  + PeerText.escape(String.valueOf(e.getMessage())),
              e));
      return false;
    }
  }

  private PDU interpret(
      SnmpTarget target,
      AbstractTarget<UdpAddress> snmpTarget,
      PDU pdu,
      ResponseEvent<?> event,
      String what,
      long sentNanos)
      throws SnmpException {
    if (event.getError() != null) {
      throw new SnmpException(
          Kind.TRANSPORT,
          what
              + " to "
              + target.address()
              + " failed: "
              + PeerText.escape(String.valueOf(event.getError().getMessage())),
          event.getError());
    }
    PDU response = event.getResponse();
    if (response == null) {
      Optional<OID> rejection = usm.rejectionSince(snmpTarget.getAddress(), sentNanos);
      if (rejection.isPresent()) {
        throw rejected(target, what, rejection.get());
      }
      throw timeout(target, what);
    }
    if (response.getType() == PDU.REPORT) {
      if (response.size() == 0) {
        throw new SnmpException(
            Kind.AUTH, target.address() + " answered " + what + " with an empty report");
      }
      throw rejected(target, what, response.get(0).getOid());
    }
    if (response.getErrorStatus() == PDU.tooBig && pdu.getType() == PDU.GETBULK) {
      return response;
    }
    if (response.getErrorStatus() != PDU.noError) {
      int index = response.getErrorIndex();
      String at = index > 0 && index <= pdu.size() ? " at " + pdu.get(index - 1).getOid() : "";
      throw new SnmpException(
          response.getErrorStatus() == PDU.authorizationError ? Kind.AUTH : Kind.ERROR_STATUS,
          target.address()
              + " answered "
              + what
              + " with error-status "
              + errorStatusName(response.getErrorStatus())
              + at);
    }
    return response;
  }

  private SnmpException rejected(SnmpTarget target, String what, OID report) {
    usm.forget(target);
    String user =
        target.credentials() instanceof SnmpCredentials.UsmUser u ? u.userName() : "(community)";
    return new SnmpException(
        UsmReports.kind(report),
        target.address()
            + " rejected "
            + what
            + " from SNMPv3 user "
            + user
            + ": "
            + UsmReports.describe(report));
  }

  private static SnmpException timeout(SnmpTarget target, String what) {
    return new SnmpException(
        Kind.TIMEOUT,
        "no response from "
            + target.address()
            + " to "
            + what
            + " after "
            + (target.retries() + 1)
            + " attempts of "
            + target.timeout().toMillis()
            + " ms"
            + (target.credentials() instanceof SnmpCredentials.Community
                ? " (unreachable, no agent, or the community is not accepted)"
                : " (unreachable, no agent, or a wrong privacy passphrase or protocol)"));
  }

  /** RFC 3416's name, e.g. {@code genErr(5)}. */
  static String errorStatusName(int status) {
    String name =
        status >= 0 && status < ERROR_STATUS_NAMES.length ? ERROR_STATUS_NAMES[status] : "unknown";
    return name + "(" + status + ")";
  }
}
