package org.evalnas.runtime.execution.slurm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.evalnas.runtime.protocol.CellExecutor;
import org.evalnas.runtime.protocol.CellKey;
import org.evalnas.runtime.results.ResultLayout;

/**
 * The state of every cell of an output directory, from its files and from SLURM's queue:
 * {@code finished} (a result), SLURM's state of its task while it is queued ({@code PENDING},
 * {@code RUNNING}, ...), {@code failed} (an error.txt), or {@code missing} (submitted once,
 * neither finished nor queued: {@code evalnas run} resubmits it).
 *
 * @param cells each cell's state, by policy then seed
 * @param aggregates each aggregation job's queue state, or {@code ended}
 * @param note what could not be known, if anything
 */
public record CellStates(Map<CellKey, State> cells, Map<String, String> aggregates, Optional<String> note) {

  /**
   * One cell.
   *
   * @param state finished, failed, missing or SLURM's state
   * @param task its last SLURM task ({@code <jobid>_<index>}), if submitted
   * @param checkpoint whether it has a checkpoint to resume from
   */
  public record State(String state, String task, boolean checkpoint) {

    /** The state with a note of the checkpoint. */
    public String describe() {
      return checkpoint && !state.equals("finished") ? state + " (checkpoint)" : state;
    }
  }

  /** Reads the states; SLURM is asked only when jobs were submitted. */
  public static CellStates of(Path output, SlurmClient slurm) {
    List<SubmissionLog.Submission> submissions = SubmissionLog.read(output);
    Map<CellKey, String> tasks = SubmissionLog.tasks(output, submissions);
    Map<String, String> queue = Map.of();
    Optional<String> note = Optional.empty();
    if (!submissions.isEmpty()) {
      List<String> missing = slurm.missingCommands();
      if (missing.contains("squeue")) {
        note = Optional.of("squeue is not on PATH: SLURM's states are unknown here");
      } else {
        queue = slurm.queue(SubmissionLog.jobIds(submissions));
      }
    }
    Set<CellKey> all = new LinkedHashSet<>(tasks.keySet());
    for (Path f : ResultLayout.resultFiles(output)) {
      cellOf(f).ifPresent(all::add);
    }
    for (Path f : ResultLayout.errorFiles(output)) {
      cellOf(f).ifPresent(all::add);
    }
    Map<CellKey, State> cells =
        new TreeMap<>(Comparator.comparing(CellKey::policy).thenComparingLong(CellKey::seed));
    for (CellKey cell : all) {
      Path dir = cell.directory(output);
      String task = tasks.get(cell);
      String state;
      if (Files.isRegularFile(dir.resolve(ResultLayout.RESULT))) {
        state = "finished";
      } else if (task != null && queue.containsKey(task)) {
        state = queue.get(task);
      } else if (Files.isRegularFile(dir.resolve(ResultLayout.ERROR))) {
        state = "failed";
      } else {
        state = "missing";
      }
      cells.put(cell, new State(state, task, CellExecutor.hasCheckpoint(output, cell)));
    }
    Map<String, String> aggregates = new LinkedHashMap<>();
    for (SubmissionLog.Submission s : submissions) {
      if (s.aggregate() != null) {
        aggregates.put(s.aggregate(), queue.getOrDefault(s.aggregate(), note.isPresent() ? "unknown" : "ended"));
      }
    }
    return new CellStates(cells, aggregates, note);
  }

  /** The recorded jobs that still have a task in the queue. */
  public static List<String> queuedJobs(Path output, SlurmClient slurm) {
    List<String> ids = SubmissionLog.jobIds(SubmissionLog.read(output));
    Map<String, String> queue = slurm.queue(ids);
    List<String> queued = new ArrayList<>();
    for (String id : ids) {
      if (queue.keySet().stream().anyMatch(k -> k.equals(id) || k.startsWith(id + "_"))) {
        queued.add(id);
      }
    }
    return queued;
  }

  private static Optional<CellKey> cellOf(Path file) {
    Path seedDir = file.getParent();
    String name = seedDir.getFileName().toString();
    try {
      return Optional.of(new CellKey(seedDir.getParent().getFileName().toString(), Long.parseLong(name.substring("seed-".length()))));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
