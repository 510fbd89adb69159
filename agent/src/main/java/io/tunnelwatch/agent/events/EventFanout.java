package io.tunnelwatch.agent.events;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands every event and transition to each listener in turn, and logs each event once at INFO. A
 * listener that throws is logged once (then at DEBUG) and never keeps the others from hearing.
 */
public final class EventFanout implements EventListener {

  private static final Logger LOG = LoggerFactory.getLogger(EventFanout.class);

  private final List<EventListener> listeners;
  private final Set<EventListener> failing = ConcurrentHashMap.newKeySet();

  public EventFanout(List<EventListener> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  @Override
  public void onEvent(Event event) {
    LOG.info(
        "{} {} [{}] {}",
        event.kind().wireName(),
        event.status().name().toLowerCase(java.util.Locale.ROOT),
        event.severity().label(),
        event.summary());
    for (EventListener listener : listeners) {
      try {
        listener.onEvent(event);
      } catch (RuntimeException e) {
        failed(listener, e);
      }
    }
  }

  @Override
  public void onTransition(StateTransition transition) {
    for (EventListener listener : listeners) {
      try {
        listener.onTransition(transition);
      } catch (RuntimeException e) {
        failed(listener, e);
      }
    }
  }

  @Override
  public void onDeviceRemoved(String device) {
    for (EventListener listener : listeners) {
      try {
        listener.onDeviceRemoved(device);
      } catch (RuntimeException e) {
        failed(listener, e);
      }
    }
  }

  @Override
  public void onDeviceReleased(String device) {
    for (EventListener listener : listeners) {
      try {
        listener.onDeviceReleased(device);
      } catch (RuntimeException e) {
        failed(listener, e);
      }
    }
  }

  @Override
  public void onDeviceAdopted(String device) {
    for (EventListener listener : listeners) {
      try {
        listener.onDeviceAdopted(device);
      } catch (RuntimeException e) {
        failed(listener, e);
      }
    }
  }

  @Override
  public void onConditionRestored(Event opened) {
    for (EventListener listener : listeners) {
      try {
        listener.onConditionRestored(opened);
      } catch (RuntimeException e) {
        failed(listener, e);
      }
    }
  }

  private void failed(EventListener listener, RuntimeException e) {
    if (failing.add(listener)) {
      LOG.warn(
          "event listener {} failed ({}); the other listeners go on, further failures of it are"
              + " logged at DEBUG",
          listener.getClass().getSimpleName(),
          e.toString());
    } else {
      LOG.debug("event listener {} failed again", listener.getClass().getSimpleName(), e);
    }
  }
}
