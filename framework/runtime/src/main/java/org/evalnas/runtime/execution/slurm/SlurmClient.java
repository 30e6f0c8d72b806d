package org.evalnas.runtime.execution.slurm;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The few SLURM commands the backend needs; tests put a fake in its place. */
public interface SlurmClient {

  /**
   * The commands that are missing (of sbatch, squeue, scancel, sinfo), for a clear error
   * before anything is submitted.
   */
  List<String> missingCommands();

  /** The cluster's partition names. */
  Set<String> partitions();

  /**
   * Checks a batch script without submitting it ({@code sbatch --test-only}).
   *
   * @throws SlurmException with sbatch's message when SLURM would refuse it
   */
  void test(Path script);

  /**
   * Submits a batch script.
   *
   * @param options sbatch options before the script, e.g. {@code --dependency=afterany:12}
   * @return the job id
   * @throws SlurmException with sbatch's message when SLURM refuses it
   */
  String submit(Path script, List<String> options);

  /**
   * The queue's state of the given jobs' tasks, by {@code <jobid>_<index>} for array tasks and
   * {@code <jobid>} for other jobs; jobs that left the queue are absent.
   */
  Map<String, String> queue(List<String> jobIds);

  /** Cancels jobs (all their tasks). */
  void cancel(List<String> jobIds);
}
