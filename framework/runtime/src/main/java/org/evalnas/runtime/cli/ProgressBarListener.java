package org.evalnas.runtime.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.evalnas.runtime.protocol.CellKey;
import org.evalnas.runtime.protocol.RunListener;

/** A terminal progress bar over the cells of a run. */
final class ProgressBarListener implements RunListener {
  private ProgressBar bar;
  private int failed;

  @Override
  public synchronized void runStarted(String experiment, int total, int resumed) {
    bar =
        new ProgressBarBuilder()
            .setTaskName(experiment)
            .setInitialMax(total)
            .setStyle(ProgressBarStyle.ASCII)
            .setUnit(" cells", 1)
            .showSpeed()
            .build();
    bar.stepTo(resumed);
    if (resumed > 0) {
      bar.setExtraMessage(resumed + " resumed");
    }
  }

  @Override
  public synchronized void cellFinished(CellKey cell, boolean ok) {
    if (!ok) {
      failed++;
      bar.setExtraMessage(failed + " failed");
    }
    bar.step();
  }

  @Override
  public synchronized void runFinished() {
    if (bar != null) {
      bar.close();
    }
  }
}
