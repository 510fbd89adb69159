package io.tunnelwatch.agent.history;

import io.tunnelwatch.agent.events.ObjectRef;
import java.time.Instant;

/** Bytes moved through one tunnel or flow in the hour starting at {@code hour}. */
public record UsageBucket(Instant hour, ObjectRef subject, long transmitBytes, long receiveBytes) {}
