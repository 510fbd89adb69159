package io.tunnelwatch.agent.cli;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an action on {@code SIGHUP} instead of letting the JVM stop (its default, exit 129), the way
 * daemons take the signal to re-read their configuration.
 *
 * <p>Java has no public API for a signal handler; {@code sun.misc.Signal} (module {@code
 * jdk.unsupported}, exported and supported for exactly this use) is the one the JDK keeps for it.
 * It is reached by reflection because javac reports every direct use as internal proprietary API, a
 * warning no annotation suppresses and {@code -Werror} refuses. Should the class ever be gone, the
 * agent runs on and says that SIGHUP does not reload; {@code POST /-/reload} still does.
 */
final class HangupSignal {

  private static final Logger LOG = LoggerFactory.getLogger(HangupSignal.class);

  private HangupSignal() {}

  /**
   * Calls {@code action} on the JVM's signal thread at every {@code SIGHUP}; it must return at once
   * (hand the work to another thread).
   *
   * @return whether the handler is installed
   */
  static boolean onHangup(Runnable action) {
    try {
      Class<?> signalClass = Class.forName("sun.misc.Signal");
      Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
      Object hangup = signalClass.getConstructor(String.class).newInstance("HUP");
      InvocationHandler onSignal = (proxy, method, args) -> handle(method, action, proxy, args);
      Object handler =
          Proxy.newProxyInstance(
              HangupSignal.class.getClassLoader(), new Class<?>[] {handlerClass}, onSignal);
      signalClass.getMethod("handle", signalClass, handlerClass).invoke(null, hangup, handler);
      return true;
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      LOG.warn(
          "cannot handle SIGHUP ({}); it stops the agent, POST /-/reload reloads the"
              + " configuration",
          e.toString());
      return false;
    }
  }

  private static @Nullable Object handle(
      Method method, Runnable action, Object proxy, @Nullable Object @Nullable [] args) {
    switch (method.getName()) {
      case "handle":
        action.run();
        return null;
      case "hashCode":
        return System.identityHashCode(proxy);
      case "equals":
        return args != null && proxy == args[0];
      case "toString":
        return "SIGHUP handler";
      default:
        throw new UnsupportedOperationException(method.getName());
    }
  }
}
