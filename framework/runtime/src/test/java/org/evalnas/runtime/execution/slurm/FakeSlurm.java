package org.evalnas.runtime.execution.slurm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A SLURM that records what it is asked and answers from fields the test sets. */
final class FakeSlurm implements SlurmClient {
  List<String> missing = List.of();
  Set<String> partitions = Set.of("debug", "gpu");
  Map<String, String> queue = new LinkedHashMap<>();
  final List<String> tested = new ArrayList<>();
  final List<String> submitted = new ArrayList<>();
  final List<List<String>> options = new ArrayList<>();
  final List<String> scripts = new ArrayList<>();
  final List<String> cancelled = new ArrayList<>();
  int failSubmission = -1;
  private int nextId = 100;

  @Override
  public List<String> missingCommands() {
    return missing;
  }

  @Override
  public Set<String> partitions() {
    return partitions;
  }

  @Override
  public void test(Path script) {
    tested.add(script.getFileName().toString());
  }

  @Override
  public String submit(Path script, List<String> opts) {
    if (submitted.size() == failSubmission) {
      throw new SlurmException("sbatch: error: Batch job submission failed: out of luck");
    }
    String id = String.valueOf(nextId++);
    submitted.add(id);
    options.add(opts);
    try {
      scripts.add(Files.readString(script));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return id;
  }

  @Override
  public Map<String, String> queue(List<String> jobIds) {
    Map<String, String> found = new LinkedHashMap<>();
    queue.forEach((task, state) -> {
      if (jobIds.contains(task.split("_")[0])) {
        found.put(task, state);
      }
    });
    return found;
  }

  @Override
  public void cancel(List<String> jobIds) {
    cancelled.addAll(jobIds);
  }
}
