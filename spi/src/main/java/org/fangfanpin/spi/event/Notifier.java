package org.fangfanpin.spi.event;

/**
 * The port through which events leave the library (通知端口): a message bus, a text-message gateway,
 * the provincial platform. Called by the outbox dispatcher, possibly more than once per event; an
 * exception means "not delivered, try again later".
 */
@FunctionalInterface
public interface Notifier {

  /** Delivers one event. Throws when it could not be delivered. */
  void deliver(DomainEvent event);
}
