package org.evalnas.runtime.execution.worker;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.evalnas.runtime.protocol.JvmOptions;

/**
 * How to start a worker: this JVM's executable, its options (heap, system properties such as
 * {@code evalnas.home}, class-data sharing, the launcher's compiler setting) and class path,
 * then {@code run-cell} with the parent's experiment file and overrides, so the child loads
 * exactly the parent's config.
 *
 * @param configFile the experiment file the parent loaded
 * @param overrides the parent's {@code --set} values, in order
 * @param pluginsDirectory the parent's {@code --plugins}, if given
 * @param environment variables the worker gets in addition to the parent's (oneDNN's
 *     instruction set, {@link org.evalnas.runtime.execution.CpuIsa})
 */
public record WorkerCommand(
    Path configFile, List<String> overrides, Optional<Path> pluginsDirectory, Map<String, String> environment) {

  public WorkerCommand {
    overrides = List.copyOf(overrides);
    environment = Map.copyOf(environment);
  }

  /** The command line of the worker of one cell. */
  List<String> commandLine(Path output, String policy, long seed) {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    for (String option : JvmOptions.ofThisProcess()) {
      // the launcher's first run records a class-data archive at exit: the parent's alone
      if (!option.startsWith("-XX:ArchiveClassesAtExit")) {
        cmd.add(option);
      }
    }
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("org.evalnas.runtime.cli.Main");
    pluginsDirectory.ifPresent(
        d -> {
          cmd.add("--plugins");
          cmd.add(d.toString());
        });
    cmd.add("run-cell");
    cmd.add(configFile.toString());
    for (String s : overrides) {
      cmd.add("--set");
      cmd.add(s);
    }
    cmd.add("--output");
    cmd.add(output.toString());
    cmd.add("--policy");
    cmd.add(policy);
    cmd.add("--seed");
    cmd.add(Long.toString(seed));
    cmd.add("--worker");
    return cmd;
  }
}
