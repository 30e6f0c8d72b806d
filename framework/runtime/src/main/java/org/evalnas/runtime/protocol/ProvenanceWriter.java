package org.evalnas.runtime.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.typesafe.config.ConfigRenderOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.evalnas.api.InputException;
import org.evalnas.runtime.config.ExperimentSettings;
import org.evalnas.runtime.config.LoadedConfig;
import org.evalnas.runtime.plugin.PluginInfo;
import org.evalnas.runtime.plugin.PluginRegistry;
import org.evalnas.runtime.results.AtomicFiles;
import org.evalnas.runtime.results.ResultLayout;

/**
 * {@code provenance.json}: what it takes to rebuild a run — the resolved config, every
 * plugin's id, version and jar hash, the git revision, JVM (with its options), OS, the
 * environment variables that tune speed, and times.
 */
public final class ProvenanceWriter {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  /** Environment variables recorded when set. */
  static final List<String> ENVIRONMENT =
      List.of("GLIBC_TUNABLES", "OMP_NUM_THREADS", "MKL_NUM_THREADS", "EVALNAS_JAVA_OPTS", "PYTORCH_LIBRARY_PATH");

  private final PluginRegistry registry;
  private final LoadedConfig loaded;
  private final ExperimentSettings settings;
  private final Path output;
  private ObjectNode document;

  public ProvenanceWriter(PluginRegistry registry, LoadedConfig loaded, ExperimentSettings settings, Path output) {
    this.registry = registry;
    this.loaded = loaded;
    this.settings = settings;
    this.output = output;
  }

  /**
   * Writes provenance.json; {@code finished} is null while the run goes on. What does not change
   * during a run (config, plugins and their hashes, git revision, JVM, environment) is gathered
   * at the first write and kept for the next.
   */
  public void write(Instant started, Instant finished) {
    if (document == null) {
      document = describe();
    }
    document.put("started", started.toString());
    save(output.resolve(ResultLayout.PROVENANCE), document, finished);
  }

  private ObjectNode describe() {
    ObjectNode o = JSON.createObjectNode();
    o.put("experiment", settings.name());
    o.put("config_file", loaded.file().toString());
    try {
      o.set(
          "config",
          JSON.readTree(loaded.config().root().render(ConfigRenderOptions.concise())));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    ArrayNode plugins = o.putArray("plugins");
    for (PluginInfo p : registry.plugins()) {
      ObjectNode n = plugins.addObject();
      n.put("id", p.id());
      n.put("version", p.version());
      n.put("jar", p.jar().toString());
      n.put("sha256", p.sha256());
    }
    gitRevision().ifPresentOrElse(r -> o.put("git_revision", r), () -> o.putNull("git_revision"));
    ObjectNode jvm = o.putObject("jvm");
    for (String k : new String[] {"java.version", "java.vendor", "java.vm.name", "os.name", "os.version", "os.arch"}) {
      jvm.put(k, System.getProperty(k));
    }
    jvm.put("cores", Runtime.getRuntime().availableProcessors());
    ArrayNode options = jvm.putArray("options");
    JvmOptions.ofThisProcess().forEach(options::add);
    // what changes speed but not results: the launcher's allocator and JIT choices, threads
    ObjectNode environment = o.putObject("environment");
    for (String name : ENVIRONMENT) {
      String value = System.getenv(name);
      if (value != null) {
        environment.put(name, value);
      }
    }
    return o;
  }

  /** Sets {@code finished} (null: still running) and writes the file atomically. */
  private static void save(Path file, ObjectNode o, Instant finished) {
    if (finished == null) {
      o.putNull("finished");
    } else {
      o.put("finished", finished.toString());
    }
    try {
      AtomicFiles.write(file, JSON.writeValueAsBytes(o));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Sets the end time of the run whose results are in {@code output}: for runs whose cells ran
   * elsewhere (SLURM tasks), where no process saw the whole run end.
   *
   * @throws InputException when there is no provenance.json or it is not a JSON object
   */
  public static void recordFinished(Path output, Instant finished) {
    Path file = output.resolve(ResultLayout.PROVENANCE);
    if (!Files.isRegularFile(file)) {
      throw new InputException(file, null, "no provenance.json: is this an evalnas output directory?");
    }
    JsonNode read;
    try {
      read = JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new InputException(file, null, "cannot read it: " + e.getMessage());
    }
    if (!(read instanceof ObjectNode o)) {
      throw new InputException(file, null, "not a JSON object");
    }
    save(file, o, finished);
  }

  /** The commit of the evalnas checkout this runs from, read from .git without running git. */
  static Optional<String> gitRevision() {
    String home = System.getProperty("evalnas.home");
    Path start = Path.of(home != null ? home : ".").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path git = dir.resolve(".git");
      if (Files.isDirectory(git)) {
        return readHead(git);
      }
    }
    return Optional.empty();
  }

  private static Optional<String> readHead(Path git) {
    try {
      String head = Files.readString(git.resolve("HEAD"), StandardCharsets.UTF_8).trim();
      if (!head.startsWith("ref: ")) {
        return Optional.of(head);
      }
      String ref = head.substring(5);
      Path loose = git.resolve(ref);
      if (Files.isRegularFile(loose)) {
        return Optional.of(Files.readString(loose).trim());
      }
      Path packed = git.resolve("packed-refs");
      if (Files.isRegularFile(packed)) {
        for (String line : Files.readAllLines(packed)) {
          if (line.endsWith(" " + ref)) {
            return Optional.of(line.substring(0, line.indexOf(' ')));
          }
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
