package org.evalnas.nn.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.evalnas.api.InputException;
import org.evalnas.nn.checkpoint.Checkpoint;
import org.evalnas.nn.checkpoint.Tensor;
import org.evalnas.nn.data.DataSplit;
import org.evalnas.nn.data.DatasetId;
import org.evalnas.nn.data.DatasetLoader;
import org.evalnas.nn.data.ImageDataset;
import org.evalnas.nn.data.ImageSet;
import org.evalnas.nn.device.DeviceChoice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingSessionTest {
  @TempDir Path tmp;

  private static final ImageSet QUADRANTS = TinyNets.quadrants(192, 8, 11);

  private static TrainingOptions.Builder options() {
    return TrainingOptions.builder()
        .setEpochs(3)
        .setBatchSize(32)
        .setLearningRate(0.1)
        .optWarmupEpochs(1)
        .optMomentum(0.9)
        .optNesterov(true)
        .optWeightDecay(5e-4)
        .optGradientClipNorm(5)
        .optLabelSmoothing(0.1)
        .optSeed(42)
        .optDevice(DeviceChoice.CPU);
  }

  private static TrainingSession cnnSession(TrainingOptions options, TrainingListener listener) {
    return TrainingSession.builder()
        .setBlock(TinyNets.cnn(4))
        .setTrainingSet(QUADRANTS)
        .setOptions(options)
        .optListener(listener)
        .build();
  }

  /** Records epoch ends. */
  private static final class Recorder extends TrainingListenerAdapter {
    final List<EpochMetrics> epochs = new ArrayList<>();
    final List<StepMetrics> steps = new ArrayList<>();
    final List<TrainingStart> starts = new ArrayList<>();
    int ends;

    @Override
    public void onTrainingStart(TrainingStart start) {
      starts.add(start);
    }

    @Override
    public void onStep(StepMetrics step) {
      steps.add(step);
    }

    @Override
    public void onEpochEnd(EpochMetrics epoch) {
      epochs.add(epoch);
    }

    @Override
    public void onTrainingEnd(EpochMetrics last) {
      ends++;
    }
  }

  @Test
  void twoIdenticalRunsGiveIdenticalParameters() {
    Map<String, Tensor> first;
    Map<String, Tensor> second;
    Recorder a = new Recorder();
    Recorder b = new Recorder();
    try (TrainingSession s = cnnSession(options().build(), a)) {
      s.train();
      first = s.parameterValues();
    }
    try (TrainingSession s = cnnSession(options().build(), b)) {
      s.train();
      second = s.parameterValues();
    }
    assertThat(first).isNotEmpty().isEqualTo(second);
    assertThat(a.steps.stream().map(StepMetrics::loss).toList())
        .isEqualTo(b.steps.stream().map(StepMetrics::loss).toList());

    try (TrainingSession s = cnnSession(options().optSeed(43).build(), b)) {
      s.trainSteps(2);
      assertThat(s.parameterValues()).isNotEqualTo(first);
    }
  }

  @Test
  void resumedRunEndsBitIdenticalToAStraightRun() throws Exception {
    TrainingOptions options = options().build();
    Recorder straight = new Recorder();
    Map<String, Tensor> expected;
    Checkpoint expectedState;
    try (TrainingSession s = cnnSession(options, straight)) {
      s.train();
      expected = s.parameterValues();
      expectedState = s.checkpoint();
    }
    // 18 steps in all; stop in the middle of the second epoch (6 steps each)
    Path file = tmp.resolve("run/ckpt.bin");
    Recorder before = new Recorder();
    try (TrainingSession s = cnnSession(options, before)) {
      assertThat(s.trainSteps(8)).isEqualTo(8);
      s.saveCheckpoint(file);
    }
    try (var listing = Files.list(file.getParent())) {
      assertThat(listing).containsExactly(file); // no temporary file left
    }
    Recorder after = new Recorder();
    try (TrainingSession s = cnnSession(options, after)) {
      s.restoreCheckpoint(file);
      assertThat(s.step()).isEqualTo(8);
      assertThat(s.epoch()).isEqualTo(1);
      s.train();
      assertThat(s.parameterValues()).isEqualTo(expected);
      assertThat(s.checkpoint().optimizerState()).isEqualTo(expectedState.optimizerState());
      assertThat(s.step()).isEqualTo(18);
    }
    assertThat(after.starts).singleElement().satisfies(st -> assertThat(st.resumedAtStep()).isEqualTo(8));
    // the epoch cut by the checkpoint reports what the straight run reported
    List<Double> losses = new ArrayList<>(before.epochs.stream().map(EpochMetrics::trainLoss).toList());
    losses.addAll(after.epochs.stream().map(EpochMetrics::trainLoss).toList());
    assertThat(losses).isEqualTo(straight.epochs.stream().map(EpochMetrics::trainLoss).toList());
    assertThat(after.epochs.get(0).trainAccuracy()).isEqualTo(straight.epochs.get(1).trainAccuracy());
    assertThat(after.ends).isEqualTo(1);
  }

  @Test
  void checkpointOfAnotherSetupIsRefused() throws Exception {
    Path file = tmp.resolve("ckpt.bin");
    try (TrainingSession s = cnnSession(options().build(), TrainingListener.none())) {
      s.trainSteps(1);
      s.saveCheckpoint(file);
    }
    try (TrainingSession s = cnnSession(options().setBatchSize(16).build(), TrainingListener.none())) {
      assertThatThrownBy(() -> s.restoreCheckpoint(file))
          .isInstanceOf(InputException.class)
          .hasMessageContaining("another setup")
          .hasMessageContaining("batch=16");
    }
  }

  @Test
  void listenerHearsEpochsStepsAndTheEnd() {
    Recorder r = new Recorder();
    try (TrainingSession s =
        TrainingSession.builder()
            .setBlock(TinyNets.mlp(16, 4))
            .setTrainingSet(QUADRANTS.head(160))
            .optValidationSet(QUADRANTS.subset(java.util.stream.IntStream.range(160, 192).toArray()))
            .setOptions(options().setEpochs(2).build())
            .optListener(r)
            .build()) {
      s.train();
      assertThat(s.finished()).isTrue();
    }
    assertThat(r.starts).singleElement().satisfies(st -> {
      assertThat(st.stepsPerEpoch()).isEqualTo(5);
      assertThat(st.parameters()).isEqualTo(64 * 16 + 16 + 16 * 4 + 4);
      assertThat(st.device()).isEqualTo("cpu()");
    });
    assertThat(r.steps).hasSize(10);
    assertThat(r.steps.get(0).learningRate()).isEqualTo(0.1 / 5);
    assertThat(r.steps.get(4).learningRate()).isEqualTo(0.1);
    assertThat(r.steps.get(9).learningRate()).isLessThan(0.1);
    assertThat(r.epochs).hasSize(2);
    EpochMetrics e = r.epochs.get(1);
    assertThat(e.validationAccuracy()).isBetween(0.0, 1.0);
    assertThat(e.trainAccuracy()).isBetween(0.0, 1.0);
    assertThat(e.imagesPerSecond()).isPositive();
    assertThat(e.stepSeconds()).isPositive();
    assertThat(r.ends).isEqualTo(1);
  }

  @Test
  void lossFallsOnFashionMnist() {
    Path system = DatasetLoader.SYSTEM_ROOT.resolve("fashion-mnist");
    assumeThat(Files.isDirectory(system)).as("apt-get install dataset-fashion-mnist").isTrue();
    ImageDataset full =
        DatasetLoader.builder().optDirectory(system).optDownload(false).build().load(DatasetId.FASHION_MNIST);
    ImageDataset subset = new ImageDataset(full.id(), full.train().head(1200), full.test().head(10), system);
    DataSplit split = DataSplit.of(subset, 1.0 / 6, 1);

    Recorder r = new Recorder();
    try (TrainingSession s =
        TrainingSession.builder()
            .setBlock(TinyNets.mlp(64, 10))
            .setTrainingSet(split.train())
            .optValidationSet(split.validation())
            .optNormalization(DatasetId.FASHION_MNIST.normalization())
            .setOptions(
                TrainingOptions.builder()
                    .setEpochs(4)
                    .setBatchSize(50)
                    .setLearningRate(0.05)
                    .optSeed(1)
                    .optDevice(DeviceChoice.CPU)
                    .build())
            .optListener(r)
            .build()) {
      s.train();
    }
    System.out.printf("Fashion-MNIST subset: %s%n", r.epochs);
    assertThat(r.epochs.get(3).trainLoss()).isLessThan(r.epochs.get(0).trainLoss() * 0.7);
    assertThat(r.epochs.get(3).validationAccuracy()).isGreaterThan(0.6);
  }
}
