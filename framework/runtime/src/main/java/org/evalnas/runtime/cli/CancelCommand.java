package org.evalnas.runtime.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.evalnas.runtime.execution.slurm.CellStates;
import org.evalnas.runtime.execution.slurm.CommandLineSlurm;
import org.evalnas.runtime.execution.slurm.SlurmClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code evalnas cancel DIR}: cancels the experiment's SLURM jobs that are still queued. */
@Command(name = "cancel", description = "Cancel an experiment's queued or running SLURM jobs (scancel).")
final class CancelCommand implements Callable<Integer> {
  @ParentCommand EvalnasCommand root;

  @Parameters(index = "0", paramLabel = "DIR", description = "An experiment's output directory.")
  Path dir;

  @Override
  public Integer call() {
    PrintWriter out = root.spec.commandLine().getOut();
    SlurmClient slurm = new CommandLineSlurm(Optional.empty());
    List<String> jobs = CellStates.queuedJobs(dir, slurm);
    if (jobs.isEmpty()) {
      out.println("nothing to cancel: no job of " + dir + " is queued");
      return ExitCode.OK;
    }
    slurm.cancel(jobs);
    out.println("cancelled jobs " + String.join(", ", jobs)
        + "; finished cells stay, stopped ones keep their checkpoints: 'evalnas run' resubmits the rest");
    return ExitCode.OK;
  }
}
