package org.evalnas.nn.training;

import java.util.function.Supplier;

/**
 * The listener the host sets around code that may train without knowing the host: an
 * evaluator plugin's training hears the host's metrics this way, through {@link
 * org.evalnas.nn.evaluate.ScratchTrainer}, without a metrics type in its signature. Per thread.
 */
public final class AmbientTrainingListener {
  private static final ThreadLocal<TrainingListener> CURRENT = ThreadLocal.withInitial(TrainingListener::none);

  private AmbientTrainingListener() {}

  /** The listener set on this thread (one that hears nothing when none is). */
  public static TrainingListener current() {
    return CURRENT.get();
  }

  /** Runs {@code body} with {@code listener} set on this thread. */
  public static <T> T with(TrainingListener listener, Supplier<T> body) {
    TrainingListener before = CURRENT.get();
    CURRENT.set(listener);
    try {
      return body.get();
    } finally {
      CURRENT.set(before);
    }
  }
}
