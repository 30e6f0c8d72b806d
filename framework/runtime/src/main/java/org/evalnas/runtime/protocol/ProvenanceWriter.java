package org.evalnas.runtime.protocol;

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
import java.util.Optional;
import org.evalnas.runtime.config.ExperimentSettings;
import org.evalnas.runtime.config.LoadedConfig;
import org.evalnas.runtime.plugin.PluginInfo;
import org.evalnas.runtime.plugin.PluginRegistry;
import org.evalnas.runtime.results.AtomicFiles;
import org.evalnas.runtime.results.ResultLayout;

/**
 * {@code provenance.json}: what it takes to rebuild a run — the resolved config, every
 * plugin's id, version and jar hash, the git revision, JVM, OS and times.
 */
public final class ProvenanceWriter {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final PluginRegistry registry;
  private final LoadedConfig loaded;
  private final ExperimentSettings settings;
  private final Path output;

  public ProvenanceWriter(PluginRegistry registry, LoadedConfig loaded, ExperimentSettings settings, Path output) {
    this.registry = registry;
    this.loaded = loaded;
    this.settings = settings;
    this.output = output;
  }

  /** Writes provenance.json; {@code finished} is null while the run goes on. */
  public void write(Instant started, Instant finished) {
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
    o.put("started", started.toString());
    if (finished == null) {
      o.putNull("finished");
    } else {
      o.put("finished", finished.toString());
    }
    try {
      AtomicFiles.write(output.resolve(ResultLayout.PROVENANCE), JSON.writeValueAsBytes(o));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
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
