package org.evalnas.runtime.protocol;

import java.util.List;

/** Combinations of run listeners. */
public final class RunListeners {
  private RunListeners() {}

  /** A listener that tells each of {@code listeners}, in order. */
  public static RunListener all(List<RunListener> listeners) {
    List<RunListener> ls = listeners.stream().filter(l -> l != RunListener.NONE).toList();
    if (ls.isEmpty()) {
      return RunListener.NONE;
    }
    if (ls.size() == 1) {
      return ls.get(0);
    }
    RunListener[] a = ls.toArray(RunListener[]::new);
    return new RunListener() {
      @Override
      public void runStarted(String experiment, int total, int resumed) {
        for (RunListener l : a) {
          l.runStarted(experiment, total, resumed);
        }
      }

      @Override
      public void cellStarted(CellKey cell) {
        for (RunListener l : a) {
          l.cellStarted(cell);
        }
      }

      @Override
      public void cellFinished(CellKey cell, boolean ok) {
        for (RunListener l : a) {
          l.cellFinished(cell, ok);
        }
      }

      @Override
      public void runFinished() {
        for (RunListener l : a) {
          l.runFinished();
        }
      }

      @Override
      public void onQuery(CellKey cell, int used, int limit, double score, double report) {
        for (RunListener l : a) {
          l.onQuery(cell, used, limit, score, report);
        }
      }
    };
  }
}
