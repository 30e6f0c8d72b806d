package org.evalnas.space.nasbench101.network;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.evalnas.nn.evaluate.NetworkShape;
import org.evalnas.nn.evaluate.ScratchTrainer;
import org.evalnas.nn.evaluate.TrainRecipe;
import org.evalnas.nn.evaluate.TrainResult;
import org.evalnas.nn.training.EpochMetrics;
import org.evalnas.nn.training.TrainingListenerAdapter;
import com.typesafe.config.ConfigFactory;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.evalnas.space.nasbench101.SharedData;
import org.evalnas.space.nasbench101.spec.CellJson;
import org.evalnas.space.nasbench101.spec.CellSpec;
import org.junit.jupiter.api.Test;

class Nb101NetworkTest {
  /** NASLib's cells the parameter check builds at the paper's size: all 500. */
  private static final int CHECKED = 500;

  private static long parameters(CellSpec cell, NetworkShape shape, int size) {
    Block net = Nb101Network.build(cell, shape);
    try (NDManager manager = Engine.getInstance().newBaseManager()) {
      net.initialize(manager, DataType.FLOAT32, new Shape(1, shape.inputChannels(), size, size));
      return ScratchTrainer.trainableParameters(net);
    }
  }

  @Test
  void channelRulesFollowTheOfficialCode() {
    // input -> 1 -> 2 -> output, input -> 3 -> output: the output's 128 channels split 64 / 64;
    // vertex 1 does not feed the output and takes the largest of its successors
    CellSpec cell =
        CellSpec.of(
            new int[][] {
              {0, 1, 0, 1, 0}, {0, 0, 1, 0, 0}, {0, 0, 0, 0, 1}, {0, 0, 0, 0, 1}, {0, 0, 0, 0, 0}
            },
            List.of("input", "conv3x3-bn-relu", "conv1x1-bn-relu", "maxpool3x3", "output"));
    assertThat(VertexChannels.compute(64, 128, cell)).containsExactly(64, 64, 64, 64, 128);
    // three vertices feed 128 output channels: 43, 43, 42
    CellSpec three =
        CellSpec.of(
            new int[][] {
              {0, 1, 1, 1, 0}, {0, 0, 0, 0, 1}, {0, 0, 0, 0, 1}, {0, 0, 0, 0, 1}, {0, 0, 0, 0, 0}
            },
            List.of("input", "conv3x3-bn-relu", "conv1x1-bn-relu", "maxpool3x3", "output"));
    assertThat(VertexChannels.compute(128, 128, three)).containsExactly(128, 43, 43, 42, 128);
  }

  @Test
  void parameterCountsAtThePaperSizeMatchNaslib() throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<String> lines = Files.readAllLines(SharedData.naslib500());
    List<String> mismatches = new ArrayList<>();
    int checked = 0;
    for (String line : lines.subList(0, CHECKED)) {
      JsonNode node = json.readTree(line);
      long expected = Math.round(node.get("params_millions").asDouble() * 1e6);
      long actual = parameters(CellJson.read(node), Nb101Network.paperShape(3, 10), 32);
      if (actual != expected) {
        mismatches.add(node.get("hash").asText() + ": " + actual + " != " + expected);
      }
      checked++;
    }
    assertThat(checked).isEqualTo(CHECKED);
    assertThat(mismatches).isEmpty();
  }

  @Test
  @Tag("slow")
  void aSmallNetworkLearnsFashionMnist() {
    CellSpec cell =
        CellSpec.of(
            new int[][] {{0, 1, 1, 1}, {0, 0, 1, 0}, {0, 0, 0, 1}, {0, 0, 0, 0}},
            List.of("input", "conv3x3-bn-relu", "maxpool3x3", "output"));
    TrainRecipe recipe =
        TrainRecipe.from(
            ConfigFactory.parseString(
                "dataset = fashion-mnist, epochs = 3, batch-size = 64, lr = 0.05, min-lr = 0,"
                    + " momentum = 0.9, nesterov = true, weight-decay = 0, warmup-epochs = 0,"
                    + " label-smoothing = 0, gradient-clip = 5, validation-portion = 0.01,"
                    + " train-images = 1024, test-images = 512, channels = 8, stacks = 2,"
                    + " cells-per-stack = 1, device = cpu, threads = 1"),
            "recipe",
            Optional.empty());
    List<Double> losses = new ArrayList<>();
    TrainResult result =
        new ScratchTrainer(recipe)
            .train(
                Nb101Network.build(cell, new NetworkShape(1, 10, 8, 2, 1)),
                7,
                Optional.empty(),
                new TrainingListenerAdapter() {
                  @Override
                  public void onEpochEnd(EpochMetrics epoch) {
                    losses.add(epoch.trainLoss());
                  }
                });
    assertThat(losses).hasSize(3);
    assertThat(losses.get(2)).isLessThan(losses.get(0) * 0.8);
    assertThat(result.testAccuracy()).isGreaterThan(40);
  }

  @Test
  void smallNetworkOnFashionMnistShapes() {
    CellSpec cell =
        CellSpec.of(
            new int[][] {{0, 1, 1, 0}, {0, 0, 0, 1}, {0, 0, 0, 1}, {0, 0, 0, 0}},
            List.of("input", "conv3x3-bn-relu", "maxpool3x3", "output"));
    NetworkShape shape = new NetworkShape(1, 10, 16, 2, 1);
    Block net = Nb101Network.build(cell, shape);
    try (NDManager manager = Engine.getInstance().newBaseManager()) {
      net.initialize(manager, DataType.FLOAT32, new Shape(4, 1, 28, 28));
      assertThat(net.getOutputShapes(new Shape[] {new Shape(4, 1, 28, 28)})[0])
          .isEqualTo(new Shape(4, 10));
      NDArray x = manager.randomNormal(new Shape(4, 1, 28, 28));
      NDArray y =
          net.forward(new ParameterStore(manager, false), new NDList(x), false).singletonOrThrow();
      assertThat(y.getShape()).isEqualTo(new Shape(4, 10));
    }
  }
}
