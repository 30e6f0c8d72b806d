package org.evalnas.nn.training;

import java.util.concurrent.locks.ReentrantLock;

/**
 * PyTorch allows one gradient collector at a time per JVM, so every training in the process
 * (a train-from-scratch evaluation, a supernet) holds this lock while it trains: cells that the
 * host runs on several threads take turns. Run trainings in parallel as separate processes.
 */
public final class TrainingLock {
  /** The one lock of the JVM (this class is loaded once, by the host). */
  public static final ReentrantLock JVM = new ReentrantLock();

  private TrainingLock() {}
}
