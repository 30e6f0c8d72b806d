package org.evalnas.nn.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.evalnas.nn.data.ImageSet;
import org.evalnas.nn.device.DeviceChoice;
import org.junit.jupiter.api.Test;

/** A session trains on a thread other than the one that loaded the engine (the host's cells). */
class WorkerThreadTest {
  private static final ImageSet QUADRANTS = TinyNets.quadrants(128, 8, 3);

  private static float[] train() {
    TrainingOptions options =
        TrainingOptions.builder().setEpochs(2).setBatchSize(32).setLearningRate(0.1)
            .optNesterov(true).optWeightDecay(5e-4).optSeed(4).optDevice(DeviceChoice.CPU).build();
    try (TrainingSession s =
        TrainingSession.builder().setBlock(TinyNets.cnn(4)).setTrainingSet(QUADRANTS).setOptions(options).build()) {
      s.train();
      return s.parameterValues().values().iterator().next().values();
    }
  }

  @Test
  void trainsOnAWorkerThreadAsOnTheMainOne() throws Exception {
    float[] here = train();
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<float[]> there = pool.submit(WorkerThreadTest::train);
      assertThat(there.get()).containsExactly(here);
    } finally {
      pool.shutdown();
    }
  }
}
