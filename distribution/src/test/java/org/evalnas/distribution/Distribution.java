package org.evalnas.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.evalnas.runtime.cli.Main;

/** The distribution the build laid out in distribution/target/evalnas, run as a user would. */
final class Distribution {
  static final Path HOME = Path.of(System.getProperty("evalnas.dist", "target/evalnas")).toAbsolutePath();
  static final Path PLUGINS = HOME.resolve("plugins");
  static final Path SHARED = Path.of(System.getProperty("evalnas.shared", "../../shared")).toAbsolutePath().normalize();

  private Distribution() {}

  record Result(int code, String out, String err) {}

  /** Runs the CLI in this JVM with the distribution's plugins. */
  static Result cli(String... args) {
    return cliWithInput("", args);
  }

  static Result cliWithInput(String stdin, String... args) {
    List<String> all = new ArrayList<>();
    if (!List.of(args).contains("--plugins")) {
      all.addAll(List.of("--plugins", PLUGINS.toString()));
    }
    all.addAll(List.of(args));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.execute(
            all.toArray(String[]::new),
            new ByteArrayInputStream(stdin.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
            new PrintWriter(out),
            new PrintWriter(err));
    return new Result(code, out.toString(), err.toString());
  }

  /** Starts the CLI in its own JVM, as the launcher does. */
  static Process start(Path workDir, String... args) throws IOException {
    return start(workDir, java.util.Map.of(), args);
  }

  /** As {@link #start(Path, String...)}, with extra environment variables. */
  static Process start(Path workDir, java.util.Map<String, String> env, String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-XX:+UseSerialGC");
    cmd.add("-cp");
    cmd.add(HOME.resolve("lib") + "/*");
    cmd.add("org.evalnas.runtime.cli.Main");
    cmd.add("--plugins");
    cmd.add(PLUGINS.toString());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile());
    pb.environment().remove("EVALNAS_NB201");
    pb.environment().putAll(env);
    pb.redirectOutput(workDir.resolve("stdout.txt").toFile());
    pb.redirectError(workDir.resolve("stderr.txt").toFile());
    return pb.start();
  }

  /**
   * Runs the distribution's launcher script, as a user types {@code evalnas ARGS}, and waits for
   * it. Its environment is this JVM's without the variables that change what the launcher
   * chooses ({@code GLIBC_TUNABLES}, {@code EVALNAS_JAVA_OPTS}), plus {@code env}. Standard
   * error is merged into {@link Result#out()}.
   */
  static Result launch(Map<String, String> env, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(HOME.resolve("evalnas").toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().remove("GLIBC_TUNABLES");
    pb.environment().remove("EVALNAS_JAVA_OPTS");
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as(out).isTrue();
    return new Result(p.exitValue(), out, "");
  }

  /** As {@link #launch(Map, String...)} with no extra environment. */
  static Result launch(String... args) throws Exception {
    return launch(Map.of(), args);
  }

  static Path shared(String relative) {
    Path p = SHARED.resolve("data").resolve(relative);
    assertThat(p).as("reference data (../shared beside the checkout)").exists();
    return p;
  }

  /**
   * Writes an experiment on NAS-Bench-201 whose ground truth is the shared 12-epoch table:
   * {@code experiment { name = NAME, space = nasbench201, ground-truth = nasbench201, KEYS }}, the
   * data path, then {@code extra} (whole lines, or empty).
   */
  static Path nb201Experiment(Path file, String name, String keys, String extra) throws IOException {
    return write(
        file,
        "experiment { name = " + name + ", space = nasbench201, ground-truth = nasbench201\n"
            + "  " + keys + " }\n"
            + "ground-truth.nasbench201.data = \"" + shared("nb201/nb201-12epoch.csv") + "\"\n"
            + extra);
  }

  static Path write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }
}
