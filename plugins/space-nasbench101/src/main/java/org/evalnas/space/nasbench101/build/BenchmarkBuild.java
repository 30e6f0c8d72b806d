package org.evalnas.space.nasbench101.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.evalnas.api.InputException;
import org.evalnas.api.space.Architecture;
import org.evalnas.nn.evaluate.ScratchTrainer;
import org.evalnas.nn.evaluate.TrainResult;
import org.evalnas.nn.training.EpochMetrics;
import org.evalnas.nn.training.TrainingListenerAdapter;
import org.evalnas.space.nasbench101.Nb101Space;
import org.evalnas.space.nasbench101.spec.CellJson;
import org.evalnas.space.nasbench101.spec.CellSpec;

/**
 * Builds a tabular benchmark: every (cell, repeat) trains once and leaves {@code
 * cells/<hash>/repeat-<r>.json} (written atomically); a rerun skips the finished ones, and the
 * one in flight resumes from its epoch checkpoint in {@code cells/<hash>/repeat-<r>.work/}. When
 * every run is done, {@code table.jsonl} is written (atomically) from the result files alone:
 * per cell its hash, matrix, ops, the mean and per-repeat validation and test accuracy
 * (percent), trainable parameters and mean training time (seconds).
 */
final class BenchmarkBuild {
  static final String TABLE = "table.jsonl";

  private final BuildSettings settings;
  private final PrintWriter log;
  private final ObjectMapper json = new ObjectMapper();
  /** Runs after every epoch's log line (tests stop a build there, as a kill would). */
  Runnable afterEpoch = () -> {};

  BenchmarkBuild(BuildSettings settings, PrintWriter log) {
    this.settings = settings;
    this.log = log;
  }

  /** The cells of the build, in the space's order. */
  List<Architecture> cells(Nb101Space space) {
    List<Architecture> all = space.enumerate().toList();
    return settings.cells() > 0 && settings.cells() < all.size() ? all.subList(0, settings.cells()) : all;
  }

  /** Runs what is left; returns the table's path. */
  Path run() {
    Nb101Space space = Nb101Space.withEdges(settings.maxVertices());
    List<Architecture> cells = cells(space);
    int repeats = settings.repeats();
    String recipe = settings.recipe().describe();
    Path root = settings.output();
    ScratchTrainer trainer = new ScratchTrainer(settings.recipe());
    long total = (long) cells.size() * repeats;
    long todo = 0;
    for (Architecture a : cells) {
      for (int r = 0; r < repeats; r++) {
        if (readResult(resultFile(a, r), recipe).isEmpty()) {
          todo++;
        }
      }
    }
    say("building %d cells x %d repeats into %s: %d runs done, %d to go; recipe %s",
        cells.size(), repeats, root, total - todo, todo, recipe);
    long done = 0;
    double seconds = 0;
    for (int i = 0; i < cells.size(); i++) {
      Architecture a = cells.get(i);
      for (int r = 0; r < repeats; r++) {
        Path file = resultFile(a, r);
        if (readResult(file, recipe).isPresent()) {
          continue;
        }
        String where = String.format(Locale.ROOT, "cell %d/%d repeat %d/%d %s", i + 1, cells.size(), r + 1, repeats, a.label());
        Path work = file.resolveSibling("repeat-" + r + ".work");
        long seed = settings.firstSeed() + r;
        int epochs = settings.recipe().options().epochs();
        TrainResult result =
            trainer.train(space.network(a, settings.recipe().shape(space)), seed, Optional.of(work),
                new TrainingListenerAdapter() {
                  @Override
                  public void onEpochEnd(EpochMetrics m) {
                    say("%s epoch %d/%d loss %.4f train accuracy %.2f%% (%.0f images/s)",
                        where, m.epoch() + 1, epochs, m.trainLoss(), 100 * m.trainAccuracy(), m.imagesPerSecond());
                    afterEpoch.run();
                  }
                });
        writeResult(file, a, r, seed, recipe, result);
        ScratchTrainer.clear(work);
        deleteQuietly(work);
        done++;
        seconds += result.seconds();
        long left = todo - done;
        say("%s done: validation %.2f%% test %.2f%% %,d parameters %.1f s; %d/%d runs done, ETA %s",
            where, result.validationAccuracy(), result.testAccuracy(), result.parameters(), result.seconds(),
            total - left, total, eta(seconds / done * left));
      }
    }
    Path table = root.resolve(TABLE);
    writeTable(space, cells, recipe, table);
    say("wrote %s: %d cells x %d repeats", table, cells.size(), repeats);
    return table;
  }

  Path resultFile(Architecture a, int repeat) {
    return settings.output().resolve("cells").resolve(a.id()).resolve("repeat-" + repeat + ".json");
  }

  private Optional<JsonNode> readResult(Path file, String recipe) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      JsonNode node = json.readTree(file.toFile());
      if (!recipe.equals(node.path("recipe").asText())) {
        throw new InputException(file, "field recipe",
            "was trained with another recipe (" + node.path("recipe").asText() + "), this build's is ("
                + recipe + "): use another output directory or the same recipe");
      }
      return Optional.of(node);
    } catch (IOException e) {
      throw new InputException(file, null, "is not a result file: " + e.getMessage(), e);
    }
  }

  private void writeResult(Path file, Architecture a, int repeat, long seed, String recipe, TrainResult r) {
    ObjectNode node = json.createObjectNode();
    node.put("hash", a.id());
    node.put("repeat", repeat);
    node.put("seed", seed);
    node.put("validation_accuracy", r.validationAccuracy());
    node.put("test_accuracy", r.testAccuracy());
    node.put("trainable_parameters", r.parameters());
    node.put("training_time", r.seconds());
    node.put("epochs", r.epochs());
    node.put("recipe", recipe);
    writeAtomically(file, node.toString() + "\n");
  }

  private void writeTable(Nb101Space space, List<Architecture> cells, String recipe, Path table) {
    StringBuilder sb = new StringBuilder();
    int repeats = settings.repeats();
    for (Architecture a : cells) {
      CellSpec spec = space.cell(a);
      ObjectNode line = json.createObjectNode();
      line.put("hash", a.id());
      line.set("matrix", CellJson.matrixNode(spec));
      line.set("ops", CellJson.opsNode(spec));
      double[] validation = new double[repeats];
      double[] test = new double[repeats];
      double time = 0;
      long parameters = 0;
      for (int r = 0; r < repeats; r++) {
        JsonNode result =
            readResult(resultFile(a, r), recipe)
                .orElseThrow(() -> new IllegalStateException("a run is missing"));
        validation[r] = result.get("validation_accuracy").asDouble();
        test[r] = result.get("test_accuracy").asDouble();
        time += result.get("training_time").asDouble();
        parameters = result.get("trainable_parameters").asLong();
      }
      line.put("validation_accuracy", mean(validation));
      line.put("test_accuracy", mean(test));
      for (int r = 0; r < repeats; r++) {
        line.put("validation_accuracy_" + r, validation[r]);
      }
      for (int r = 0; r < repeats; r++) {
        line.put("test_accuracy_" + r, test[r]);
      }
      line.put("trainable_parameters", parameters);
      line.put("training_time", time / repeats);
      sb.append(line).append('\n');
    }
    writeAtomically(table, sb.toString());
  }

  private static double mean(double[] values) {
    double s = 0;
    for (double v : values) {
      s += v;
    }
    return s / values.length;
  }

  static void writeAtomically(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static void deleteQuietly(Path dir) {
    try {
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      // a leftover empty directory does no harm
    }
  }

  private static String eta(double seconds) {
    Duration d = Duration.ofSeconds(Math.round(seconds));
    return String.format(Locale.ROOT, "%dh%02dm", d.toHours(), d.toMinutesPart());
  }

  private void say(String format, Object... args) {
    log.printf(Locale.ROOT, "%tT " + format + "%n", prepend(java.time.LocalTime.now(), args));
    log.flush();
  }

  private static Object[] prepend(Object first, Object[] rest) {
    Object[] all = new Object[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }
}
