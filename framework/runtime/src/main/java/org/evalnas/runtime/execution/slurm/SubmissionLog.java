package org.evalnas.runtime.execution.slurm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.evalnas.api.InputException;
import org.evalnas.runtime.protocol.CellKey;
import org.evalnas.runtime.results.AtomicFiles;

/**
 * {@code <output>/slurm/jobs.json}: every submission of an experiment to SLURM — its array
 * jobs (job id and cell list) and its aggregation job — written atomically after each one.
 */
public final class SubmissionLog {
  /** The directory under the output directory. */
  public static final String DIRECTORY = "slurm";
  /** The file in it. */
  public static final String FILE = "jobs.json";

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * One array job.
   *
   * @param jobId SLURM's job id
   * @param cells the cell list file, relative to the output directory
   */
  public record ArrayJob(String jobId, String cells) {}

  /**
   * One {@code evalnas run} that submitted.
   *
   * @param submitted when
   * @param arrays its array jobs
   * @param aggregate the aggregation job's id
   */
  public record Submission(Instant submitted, List<ArrayJob> arrays, String aggregate) {}

  private SubmissionLog() {}

  /** The submissions recorded under {@code output}, oldest first; none when there is no log. */
  public static List<Submission> read(Path output) {
    Path file = output.resolve(DIRECTORY).resolve(FILE);
    List<Submission> all = new ArrayList<>();
    if (!Files.isRegularFile(file)) {
      return all;
    }
    try {
      JsonNode root = JSON.readTree(file.toFile());
      for (JsonNode s : root.get("submissions")) {
        List<ArrayJob> arrays = new ArrayList<>();
        for (JsonNode a : s.get("arrays")) {
          arrays.add(new ArrayJob(a.get("job_id").asText(), a.get("cells").asText()));
        }
        all.add(new Submission(Instant.parse(s.get("submitted").asText()), arrays, s.path("aggregate").asText(null)));
      }
    } catch (IOException | RuntimeException e) {
      throw new InputException(file, null, "not a readable SLURM job record: " + e.getMessage(), e);
    }
    return all;
  }

  /** Appends a submission, atomically replacing the file. */
  public static void append(Path output, Submission submission) {
    List<Submission> all = read(output);
    all.add(submission);
    ObjectNode root = JSON.createObjectNode();
    ArrayNode subs = root.putArray("submissions");
    for (Submission s : all) {
      ObjectNode n = subs.addObject();
      n.put("submitted", s.submitted().toString());
      ArrayNode arrays = n.putArray("arrays");
      for (ArrayJob a : s.arrays()) {
        arrays.addObject().put("job_id", a.jobId()).put("cells", a.cells());
      }
      if (s.aggregate() == null) {
        n.putNull("aggregate");
      } else {
        n.put("aggregate", s.aggregate());
      }
    }
    try {
      AtomicFiles.write(output.resolve(DIRECTORY).resolve(FILE), JSON.writeValueAsBytes(root));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every job id recorded, arrays and aggregation jobs. */
  public static List<String> jobIds(List<Submission> submissions) {
    List<String> ids = new ArrayList<>();
    for (Submission s : submissions) {
      s.arrays().forEach(a -> ids.add(a.jobId()));
      if (s.aggregate() != null) {
        ids.add(s.aggregate());
      }
    }
    return ids;
  }

  /**
   * The task each cell was last submitted as: {@code <jobid>_<index>}, by cell, from the
   * recorded cell lists (a later submission replaces an earlier one).
   */
  public static Map<CellKey, String> tasks(Path output, List<Submission> submissions) {
    Map<CellKey, String> tasks = new LinkedHashMap<>();
    for (Submission s : submissions) {
      for (ArrayJob a : s.arrays()) {
        List<CellKey> cells = CellList.read(output.resolve(a.cells()));
        for (int i = 0; i < cells.size(); i++) {
          tasks.put(cells.get(i), a.jobId() + "_" + i);
        }
      }
    }
    return tasks;
  }
}
