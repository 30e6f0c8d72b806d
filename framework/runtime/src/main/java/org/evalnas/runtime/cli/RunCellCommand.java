package org.evalnas.runtime.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.evalnas.api.InputException;
import org.evalnas.runtime.config.ExperimentSettings;
import org.evalnas.runtime.execution.worker.WorkerEvents;
import org.evalnas.runtime.config.LoadedConfig;
import org.evalnas.runtime.execution.slurm.CellList;
import org.evalnas.runtime.plugin.PluginRegistry;
import org.evalnas.runtime.protocol.CellAttempt;
import org.evalnas.runtime.protocol.CellExecutor;
import org.evalnas.runtime.protocol.CellKey;
import org.evalnas.runtime.protocol.CheckpointOptions;
import org.evalnas.runtime.protocol.QueryListener;
import org.evalnas.runtime.protocol.StopSignal;
import org.evalnas.runtime.results.CellErrorFile;
import org.evalnas.runtime.results.ResultLayout;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code evalnas run-cell FILE --output DIR --cells LIST --cell-index N} (or {@code --policy P
 * --seed S}): runs exactly one cell, through the same code as the local backend. A SLURM task
 * runs it. On SIGTERM the cell saves a checkpoint and the process exits; run again (a requeued
 * task), it resumes from the checkpoint. A cell that finished before is not run again.
 */
@Command(name = "run-cell", description = "Run one cell of an experiment (what a SLURM task runs).")
final class RunCellCommand implements Callable<Integer> {
  /** How long SIGTERM waits for the cell to save its checkpoint; SLURM's KillWait is the limit. */
  private static final long GRACE_SECONDS = 120;

  @ParentCommand EvalnasCommand root;
  @Mixin ConfigOptions config;

  @Option(names = "--output", paramLabel = "DIR", description = "Results directory (default: output.directory).")
  Path output;

  @Option(
      names = "--worker",
      hidden = true,
      description = "Run as a worker of a local run: events on stdout, stop when stdin closes.")
  boolean worker;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Which which;

  static final class Which {
    @ArgGroup(exclusive = false)
    ByIndex byIndex;

    @ArgGroup(exclusive = false)
    ByName byName;
  }

  static final class ByIndex {
    @Option(names = "--cells", required = true, paramLabel = "FILE", description = "A cell list: line N is the cell of index N.")
    Path cells;

    @Option(names = "--cell-index", required = true, paramLabel = "N", description = "The index in the cell list (SLURM_ARRAY_TASK_ID).")
    int index;
  }

  static final class ByName {
    @Option(names = "--policy", required = true, paramLabel = "POLICY", description = "The cell's policy (random-baseline for the baseline).")
    String policy;

    @Option(names = "--seed", required = true, paramLabel = "SEED", description = "The cell's seed.")
    long seed;
  }

  /**
   * A worker's executor: its events go to stdout for the parent, and it stops at once when
   * the parent goes away (its standard input ends), as if killed: the last checkpoint stays.
   */
  private static CellExecutor workerExecutor(
      PluginRegistry registry, LoadedConfig loaded, ExperimentSettings settings, Path out, CheckpointOptions checkpoints) {
    Thread watch =
        new Thread(
            () -> {
              try {
                while (System.in.read() >= 0) {
                  // the parent writes nothing; only the end matters
                }
              } catch (java.io.IOException e) {
                // the pipe broke: the parent is gone too
              }
              Runtime.getRuntime().halt(ExitCode.RUN_FAILED);
            },
            "evalnas-parent-watch");
    watch.setDaemon(true);
    watch.start();
    WorkerEvents.Sinks sinks = WorkerEvents.writer(System.out);
    return new CellExecutor(
        registry, loaded, settings, out, Clock.systemUTC(), sinks.queries(), checkpoints, sinks.training(), sinks.ranking());
  }

  @Override
  public Integer call() {
    PluginRegistry registry = root.registry();
    LoadedConfig loaded = config.loadValid(registry);
    ExperimentSettings settings = ExperimentSettings.from(loaded.config());
    Path out = output != null ? output : settings.outputDirectory();
    CellKey cell =
        which.byIndex != null
            ? CellList.at(which.byIndex.cells, which.byIndex.index)
            : new CellKey(which.byName.policy, which.byName.seed);
    if (!settings.cellPolicies().contains(cell.policy()) || !settings.seeds().contains(cell.seed())) {
      throw new InputException(null, null,
          "cell " + cell.policy() + " seed " + cell.seed() + " is not a cell of experiment " + settings.name());
    }
    PrintWriter o = root.spec.commandLine().getOut();
    if (CellExecutor.finished(out, settings.name(), cell).isPresent()) {
      o.printf("%s seed %d: finished before%n", cell.policy(), cell.seed());
      return ExitCode.OK;
    }
    boolean resuming = CellExecutor.hasCheckpoint(out, cell);
    StopSignal stop = new StopSignal();
    CountDownLatch done = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              stop.request("SIGTERM: the task is preempted, requeued or cancelled");
              try {
                done.await(GRACE_SECONDS, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "evalnas-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      CellExecutor executor;
      try {
        int every = loaded.config().getInt("execution.slurm.checkpoint-queries");
        executor =
            worker
                ? workerExecutor(registry, loaded, settings, out, new CheckpointOptions(every, stop))
                : new CellExecutor(
                    registry, loaded, settings, out, Clock.systemUTC(), QueryListener.NONE, new CheckpointOptions(every, stop));
      } catch (RuntimeException e) {
        // the cell cannot start (data missing, a broken plugin): its directory says why
        CellErrorFile.write(cell.directory(out), e);
        throw e;
      }
      o.printf("%s seed %d: %s%n", cell.policy(), cell.seed(), resuming ? "resuming from its checkpoint" : "starting");
      o.flush();
      CellAttempt attempt = executor.run(cell);
      if (attempt.ok()) {
        o.printf("%s seed %d: finished, %d queries%n", cell.policy(), cell.seed(), attempt.result().queriesUsed());
        return ExitCode.OK;
      }
      if (attempt.stopped()) {
        o.printf("%s seed %d: %s%n", cell.policy(), cell.seed(), attempt.error());
        return ExitCode.RUN_FAILED;
      }
      root.spec.commandLine().getErr().printf(
          "failed: %s seed %d: %s (see %s)%n",
          cell.policy(), cell.seed(), attempt.error(), cell.directory(out).resolve(ResultLayout.ERROR));
      return ExitCode.RUN_FAILED;
    } finally {
      o.flush();
      done.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running: it returns now that the cell is done
      }
    }
  }
}
