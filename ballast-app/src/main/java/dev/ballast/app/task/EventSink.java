package dev.ballast.app.task;

/**
 * Where events go: the run's {@code events.jsonl}, the console, alerts, metrics. Implementations
 * must be safe to call from any thread and must not throw (a broken sink never breaks a task).
 */
@FunctionalInterface
public interface EventSink {

  /** A sink that drops everything. */
  EventSink NONE = e -> {};

  /** Receives {@code event}. */
  void accept(Event event);

  /** Returns a sink that gives each event to this one, then to {@code next}. */
  default EventSink andThen(EventSink next) {
    return e -> {
      accept(e);
      next.accept(e);
    };
  }
}
