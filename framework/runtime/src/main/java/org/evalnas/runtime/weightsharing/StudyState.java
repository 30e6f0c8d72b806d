package org.evalnas.runtime.weightsharing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.evalnas.runtime.results.AtomicFiles;
import org.evalnas.runtime.results.WeightSharingCodec;
import org.evalnas.runtime.results.WeightSharingRecord.EpochRanking;
import org.evalnas.runtime.results.WeightSharingRecord.SampleScore;

/**
 * What a weight-sharing cell keeps beside its supernet checkpoint after every epoch: the
 * epochs done, the position of the policy's random generator and the ranking study so far.
 * Written atomically after the supernet checkpoint; a resumed cell uses the pair only when
 * both name the same epoch.
 *
 * @param identity what the cell must match to resume (experiment, policy settings, study settings)
 * @param epoch epochs done
 * @param randomSteps draws of the policy's generator so far
 * @param rankings the study's rankings so far
 * @param finalScores the sample's scores after the last epoch, once it is done
 */
record StudyState(
    String identity, int epoch, long randomSteps, List<EpochRanking> rankings, List<SampleScore> finalScores) {

  static final String FILE = "supernet-state.json";
  static final String CHECKPOINT = "supernet-checkpoint.bin";

  private static final ObjectMapper JSON = new ObjectMapper();

  void write(Path dir) {
    ObjectNode o = JSON.createObjectNode();
    o.put("identity", identity);
    o.put("epoch", epoch);
    o.put("random_steps", randomSteps);
    ArrayNode r = o.putArray("rankings");
    rankings.forEach(e -> r.add(WeightSharingCodec.ranking(e)));
    o.set("final_scores", WeightSharingCodec.scores(finalScores));
    try {
      AtomicFiles.write(dir.resolve(FILE), JSON.writeValueAsBytes(o));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The state in {@code dir} if there is one of this identity with its checkpoint. */
  static Optional<StudyState> read(Path dir, String identity) {
    Path file = dir.resolve(FILE);
    if (!Files.isRegularFile(file) || !Files.isRegularFile(dir.resolve(CHECKPOINT))) {
      return Optional.empty();
    }
    try {
      JsonNode o = JSON.readTree(Files.readAllBytes(file));
      if (!identity.equals(o.path("identity").asText())) {
        return Optional.empty();
      }
      List<EpochRanking> rankings = new ArrayList<>();
      o.get("rankings").forEach(n -> rankings.add(WeightSharingCodec.readRanking(n)));
      return Optional.of(
          new StudyState(
              identity,
              o.get("epoch").asInt(),
              o.get("random_steps").asLong(),
              rankings,
              WeightSharingCodec.readScores(o.get("final_scores"))));
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // damaged: start the cell over
    }
  }

  /** Deletes the state and the checkpoint of a finished cell. */
  static void delete(Path dir) throws IOException {
    Files.deleteIfExists(dir.resolve(FILE));
    Files.deleteIfExists(dir.resolve(CHECKPOINT));
  }
}
