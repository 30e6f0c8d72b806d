package org.evalnas.runtime.execution.slurm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/** Runs the SLURM commands found in a directory or on PATH. */
public final class CommandLineSlurm implements SlurmClient {
  private static final List<String> COMMANDS = List.of("sbatch", "squeue", "scancel", "sinfo");
  private final Optional<Path> directory;

  /** @param directory where the commands are, or empty for PATH */
  public CommandLineSlurm(Optional<Path> directory) {
    this.directory = directory;
  }

  @Override
  public List<String> missingCommands() {
    return COMMANDS.stream().filter(c -> find(c).isEmpty()).toList();
  }

  private Optional<Path> find(String command) {
    List<Path> dirs = new ArrayList<>();
    if (directory.isPresent()) {
      dirs.add(directory.get());
    } else {
      String path = System.getenv("PATH");
      for (String d : (path == null ? "" : path).split(java.io.File.pathSeparator)) {
        if (!d.isEmpty()) {
          dirs.add(Path.of(d));
        }
      }
    }
    return dirs.stream().map(d -> d.resolve(command)).filter(Files::isExecutable).findFirst();
  }

  @Override
  public Set<String> partitions() {
    Result r = run(List.of("sinfo", "-h", "-o", "%R"));
    r.orThrow("sinfo");
    Set<String> names = new TreeSet<>();
    r.out.lines().map(String::trim).filter(s -> !s.isEmpty()).forEach(names::add);
    return names;
  }

  @Override
  public void test(Path script) {
    run(List.of("sbatch", "--test-only", script.toString())).orThrow("sbatch --test-only " + script);
  }

  @Override
  public String submit(Path script, List<String> options) {
    List<String> cmd = new ArrayList<>(List.of("sbatch", "--parsable"));
    cmd.addAll(options);
    cmd.add(script.toString());
    Result r = run(cmd);
    r.orThrow("sbatch " + script);
    String id = r.out.trim().split(";")[0].trim();
    if (!id.matches("\\d+")) {
      throw new SlurmException("sbatch " + script + " printed no job id: " + r.out.trim());
    }
    return id;
  }

  @Override
  public Map<String, String> queue(List<String> jobIds) {
    Map<String, String> states = new LinkedHashMap<>();
    if (jobIds.isEmpty()) {
      return states;
    }
    Result r = run(List.of("squeue", "-h", "-r", "-j", String.join(",", jobIds), "-o", "%i %T"));
    // squeue fails for job ids it no longer knows; that means: not in the queue
    if (r.code != 0 && !r.err.contains("Invalid job id")) {
      r.orThrow("squeue");
    }
    for (String line : r.out.lines().toList()) {
      String[] f = line.trim().split("\\s+");
      if (f.length == 2) {
        states.put(f[0], f[1]);
      }
    }
    return states;
  }

  @Override
  public void cancel(List<String> jobIds) {
    if (!jobIds.isEmpty()) {
      List<String> cmd = new ArrayList<>(List.of("scancel"));
      cmd.addAll(jobIds);
      run(cmd).orThrow("scancel");
    }
  }

  private record Result(String command, int code, String out, String err) {
    void orThrow(String what) {
      if (code != 0) {
        String words = (err.isBlank() ? out : err).trim();
        throw new SlurmException(what + " failed (exit " + code + "): " + words);
      }
    }
  }

  private Result run(List<String> command) {
    List<String> cmd = new ArrayList<>(command);
    Path exe = find(cmd.get(0)).orElseThrow(() -> new SlurmException(missing(List.of(command.get(0)))));
    cmd.set(0, exe.toString());
    try {
      Path out = Files.createTempFile("evalnas-slurm", ".out");
      Path err = Files.createTempFile("evalnas-slurm", ".err");
      try {
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        p.getOutputStream().close();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          throw new SlurmException(String.join(" ", command) + " did not answer in 120 s");
        }
        return new Result(
            String.join(" ", command),
            p.exitValue(),
            Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new SlurmException("cannot run " + String.join(" ", command) + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SlurmException("interrupted while running " + String.join(" ", command));
    }
  }

  /** The message for missing commands. */
  String missing(List<String> commands) {
    return String.join(", ", commands)
        + (commands.size() == 1 ? " is" : " are")
        + " not "
        + directory.map(d -> "in " + d + " (execution.slurm.commands)").orElse("on PATH")
        + "; execution.backend = slurm needs the SLURM client commands (run on a login node of the"
        + " cluster, or set execution.slurm.commands)";
  }

}
