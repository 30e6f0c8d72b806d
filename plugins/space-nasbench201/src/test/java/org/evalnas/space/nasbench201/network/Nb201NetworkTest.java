package org.evalnas.space.nasbench201.network;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import org.evalnas.nn.evaluate.NetworkShape;
import com.typesafe.config.ConfigFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.evalnas.nn.evaluate.ScratchTrainer;
import org.evalnas.nn.evaluate.TrainRecipe;
import org.evalnas.nn.evaluate.TrainResult;
import org.evalnas.nn.training.EpochMetrics;
import org.evalnas.nn.training.TrainingListenerAdapter;
import org.junit.jupiter.api.Tag;
import org.evalnas.space.nasbench201.Nb201Cell;
import org.evalnas.space.nasbench201.Nb201Space;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Nb201NetworkTest {

  private static long parameters(String arch, NetworkShape shape, int size) {
    Block net = Nb201Network.build(Nb201Cell.parse(arch), shape);
    try (NDManager manager = Engine.getInstance().newBaseManager()) {
      net.initialize(manager, DataType.FLOAT32, new Shape(1, shape.inputChannels(), size, size));
      return ScratchTrainer.trainableParameters(net);
    }
  }

  /**
   * The parameter counts NATS-Bench records (in MB, i.e. millions: count_parameters_in_MB) in the
   * 200-epoch entries of archs 0, 11 and 284 of /work/shared/data/nats-tss-sample, read once with
   * Python's pickle and bz2: cifar10 (10 classes), cifar100 (100), ImageNet16-120 (120 classes,
   * 16 x 16 images).
   */
  @ParameterizedTest
  @CsvSource({
    "'|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_1x1~0|skip_connect~1|skip_connect~2|', 10, 32, 129306",
    "'|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_1x1~0|skip_connect~1|skip_connect~2|', 100, 32, 135156",
    "'|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_1x1~0|skip_connect~1|skip_connect~2|', 120, 16, 136456",
    "'|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|none~0|nor_conv_3x3~1|avg_pool_3x3~2|', 10, 32, 802426",
    "'|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|none~0|nor_conv_3x3~1|avg_pool_3x3~2|', 120, 16, 809576",
    "'|skip_connect~0|+|skip_connect~0|skip_connect~1|+|none~0|nor_conv_1x1~1|none~2|', 10, 32, 101306",
    "'|skip_connect~0|+|skip_connect~0|skip_connect~1|+|none~0|nor_conv_1x1~1|none~2|', 100, 32, 107156",
  })
  void parameterCountsMatchNatsBench(String arch, int classes, int size, long expected) {
    assertThat(parameters(arch, Nb201Network.paperShape(3, classes), size)).isEqualTo(expected);
  }

  @Test
  @Tag("slow")
  void aSmallNetworkLearnsFashionMnist() {
    Nb201Space space = Nb201Space.create();
    TrainRecipe recipe =
        TrainRecipe.from(
            ConfigFactory.parseString(
                "dataset = fashion-mnist, epochs = 3, batch-size = 64, lr = 0.2, min-lr = 0,"
                    + " momentum = 0.9, nesterov = true, weight-decay = 0, warmup-epochs = 0,"
                    + " label-smoothing = 0, gradient-clip = 5, validation-portion = 0.01,"
                    + " train-images = 1024, test-images = 512, channels = 8, stacks = 2,"
                    + " cells-per-stack = 1, device = cpu, threads = 1"),
            "recipe",
            Optional.empty());
    var arch = space.parse("|nor_conv_3x3~0|+|skip_connect~0|nor_conv_1x1~1|+|avg_pool_3x3~0|none~1|skip_connect~2|");
    List<Double> losses = new ArrayList<>();
    TrainResult result =
        new ScratchTrainer(recipe)
            .train(
                space.network(arch, recipe.shape(space)),
                1,
                Optional.empty(),
                new TrainingListenerAdapter() {
                  @Override
                  public void onEpochEnd(EpochMetrics epoch) {
                    losses.add(epoch.trainLoss());
                  }
                });
    assertThat(recipe.shape(space)).isEqualTo(new NetworkShape(1, 10, 8, 2, 1));
    assertThat(losses.get(2)).isLessThan(losses.get(0) * 0.8);
    assertThat(result.testAccuracy()).isGreaterThan(40);
  }

  @Test
  void everyOperationRunsOnFashionMnistSizes() {
    Nb201Space space = Nb201Space.create();
    Nb201Cell cell =
        Nb201Cell.parse("|none~0|+|avg_pool_3x3~0|none~1|+|nor_conv_3x3~0|skip_connect~1|nor_conv_1x1~2|");
    NetworkShape shape = new NetworkShape(1, 10, 8, 3, 1);
    Block net = space.network(space.parse(cell.officialString()), shape);
    try (NDManager manager = Engine.getInstance().newBaseManager()) {
      net.initialize(manager, DataType.FLOAT32, new Shape(2, 1, 28, 28));
      NDArray y =
          net.forward(
                  new ParameterStore(manager, false),
                  new NDList(manager.randomNormal(new Shape(2, 1, 28, 28))),
                  false)
              .singletonOrThrow();
      assertThat(y.getShape()).isEqualTo(new Shape(2, 10));
      // an odd size (7 x 7 before the second reduction would be 4 x 4 after it)
      Block odd = Nb201Network.build(cell, new NetworkShape(1, 10, 4, 4, 1));
      odd.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 28, 28));
      NDArray z =
          odd.forward(
                  new ParameterStore(manager, false),
                  new NDList(manager.randomNormal(new Shape(1, 1, 28, 28))),
                  false)
              .singletonOrThrow();
      assertThat(z.getShape()).isEqualTo(new Shape(1, 10));
    }
  }
}
