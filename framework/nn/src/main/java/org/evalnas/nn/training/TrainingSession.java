package org.evalnas.nn.training;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntConsumer;
import org.evalnas.api.InputException;
import org.evalnas.nn.checkpoint.Checkpoint;
import org.evalnas.nn.checkpoint.Tensor;
import org.evalnas.nn.data.Augmentation;
import org.evalnas.nn.data.Batch;
import org.evalnas.nn.data.ImageBatcher;
import org.evalnas.nn.data.ImageSet;
import org.evalnas.nn.data.Normalization;
import org.evalnas.nn.data.PrefetchingBatcher;
import org.evalnas.nn.seed.Seeds;

/**
 * Trains one network on one image set: the loop, its state and its checkpoints.
 *
 * <p>A session owns a manager on its device that holds the network's parameters and the
 * optimizer's buffers; closing the session frees them (and so the block's parameters). Each
 * step runs in a sub-manager and an {@link NDScope}, so nothing a step makes outlives it.
 *
 * <p>Determinism: the parameters are initialized after seeding the engine from {@code (seed,
 * "init")}; the engine is reseeded from {@code (seed, "step", step)} before every step (dropout
 * and other random layers); the data order and augmentation are counter-based (see {@link
 * ImageBatcher}). So two runs with the same options on the CPU give the same parameters bit for
 * bit, and a run restored from a checkpoint continues exactly as if it had not stopped.
 *
 * <p>One session trains at a time per JVM (PyTorch allows one gradient collector at a time).
 */
public final class TrainingSession implements AutoCloseable {
  private final Engine engine;
  private final Device device;
  private final NDManager manager;
  private final Block block;
  private final ParameterStore store;
  private final TrainingOptions options;
  private final PrefetchingBatcher train;
  private final ImageSet validation;
  private final Normalization normalization;
  private final TrainingListener listener;
  private final StepPasses passes;
  private final SgdOptimizer optimizer;
  private final CosineSchedule schedule;
  private final int stepsPerEpoch;

  private int epoch;
  private int batch;
  private long step;
  private boolean started;
  // running sums of the current epoch
  private double lossSum;
  private long correct;
  private long seen;
  private double stepSeconds;
  private EpochMetrics last;

  private TrainingSession(Builder b) {
    this.options = b.options;
    this.engine = Engine.getInstance();
    this.device = b.device != null ? b.device : options.device().resolve(engine.getGpuCount());
    this.manager = engine.newBaseManager(device);
    this.block = b.block;
    this.normalization = b.normalization != null ? b.normalization : Normalization.unit(b.train.channels());
    this.train =
        new PrefetchingBatcher(
            new ImageBatcher(
                b.train, options.batchSize(), true, true, b.augmentation, normalization, options.seed()));
    this.validation = b.validation;
    this.listener = b.listener;
    this.passes = b.passes;
    this.stepsPerEpoch = train.batchesPerEpoch();
    if (stepsPerEpoch < 1) {
      train.close();
      manager.close();
      throw new IllegalArgumentException(
          "the training set of " + b.train.size() + " images has no full batch of "
              + options.batchSize());
    }
    long total = (long) stepsPerEpoch * options.epochs();
    this.schedule =
        new CosineSchedule(
            options.learningRate(),
            options.minLearningRate(),
            (long) stepsPerEpoch * options.warmupEpochs(),
            total);
    Seeds.seedEngine(engine, options.seed(), "init");
    gradientsOffOnThisThread();
    block.initialize(
        manager,
        DataType.FLOAT32,
        new Shape(options.batchSize(), b.train.channels(), b.train.height(), b.train.width()));
    this.store = new ParameterStore(manager, false);
    this.optimizer =
        new SgdOptimizer(
            block.getParameters(), manager, options.momentum(), options.nesterov(), options.weightDecay());
  }

  /** A builder: set the block, the training set and the options. */
  public static Builder builder() {
    return new Builder();
  }

  /** The network (initialized; its parameters live as long as this session). */
  public Block block() {
    return block;
  }

  /** The device it trains on. */
  public Device device() {
    return device;
  }

  /** The options. */
  public TrainingOptions options() {
    return options;
  }

  /** Steps per epoch. */
  public int stepsPerEpoch() {
    return stepsPerEpoch;
  }

  /** Steps done so far (over the whole run, including those before a restore). */
  public long step() {
    return step;
  }

  /** The current epoch (0-based; {@code options().epochs()} once finished). */
  public int epoch() {
    return epoch;
  }

  /** Whether every epoch is done. */
  public boolean finished() {
    return epoch >= options.epochs();
  }

  /** The metrics of the last finished epoch, if any. */
  public java.util.Optional<EpochMetrics> lastEpoch() {
    return java.util.Optional.ofNullable(last);
  }

  /** Trains to the end; returns the last epoch's metrics. */
  public EpochMetrics train() {
    while (!finished()) {
      trainSteps(Long.MAX_VALUE);
    }
    return last;
  }

  /**
   * Trains at most {@code steps} steps, fewer when the run ends first.
   *
   * @return the steps done
   */
  public long trainSteps(long steps) {
    gradientsOffOnThisThread();
    long done = 0;
    while (done < steps && !finished()) {
      if (!started) {
        started = true;
        listener.onTrainingStart(
            new TrainingStart(options.epochs(), stepsPerEpoch, trainableParameters(), device.toString(), step));
      }
      if (batch == 0) {
        listener.onEpochStart(epoch, schedule.at(step));
      }
      runStep();
      done++;
      if (++batch == stepsPerEpoch) {
        endEpoch();
      }
    }
    return done;
  }

  private void runStep() {
    double lr = schedule.at(step);
    long begin = System.nanoTime();
    float loss;
    int right = 0;
    int size;
    double norm;
    try (NDManager stepManager = manager.newSubManager();
        NDScope scope = new NDScope()) {
      Batch data = train.batch(stepManager, epoch, batch);
      size = data.size();
      Seeds.seedEngine(engine, options.seed(), "step", step);
      int count = passes.begin(step);
      if (count < 1) {
        throw new IllegalStateException("a step needs at least one pass, got " + count);
      }
      float lossTotal = 0;
      // gradients add up over the passes' backward calls until the optimizer zeroes them
      try (GradientCollector collector = engine.newGradientCollector()) {
        for (int pass = 0; pass < count; pass++) {
          passes.beforePass(pass);
          NDArray logits = block.forward(store, new NDList(data.images()), true).singletonOrThrow();
          NDArray lossArray = Losses.softmaxCrossEntropy(logits, data.labels(), options.labelSmoothing());
          collector.backward(lossArray);
          lossTotal += lossArray.getFloat();
          int[] predicted = logits.argMax(1).toType(DataType.INT32, false).toIntArray();
          for (int i = 0; i < size; i++) {
            if (predicted[i] == data.labelValues()[i]) {
              right++;
            }
          }
        }
      }
      loss = lossTotal / count;
      size *= count;
      if (!Float.isFinite(loss)) {
        throw new IllegalStateException(
            "the loss is " + loss + " at step " + step + " (epoch " + epoch + ", learning rate "
                + lr + "): lower the learning rate or clip the gradients");
      }
      norm = optimizer.step(lr, options.gradientClipNorm());
    }
    double seconds = (System.nanoTime() - begin) / 1e9;
    lossSum += loss;
    correct += right;
    seen += size;
    stepSeconds += seconds;
    listener.onStep(new StepMetrics(epoch, step, loss, lr, norm, seconds, size));
    step++;
  }

  private void endEpoch() {
    double validationAccuracy =
        validation == null || validation.size() == 0 ? Double.NaN : evaluate(validation);
    last =
        new EpochMetrics(
            epoch,
            lossSum / stepsPerEpoch,
            (double) correct / seen,
            validationAccuracy,
            schedule.at(step - 1),
            stepSeconds / stepsPerEpoch,
            stepSeconds > 0 ? seen / stepSeconds : Double.NaN);
    listener.onEpochEnd(last);
    epoch++;
    batch = 0;
    lossSum = 0;
    correct = 0;
    seen = 0;
    stepSeconds = 0;
    if (finished()) {
      listener.onTrainingEnd(last);
    }
  }

  /**
   * The accuracy (in [0, 1]) of the network on {@code set}, in inference mode (batch-norm uses
   * its running statistics), with this session's normalization and no augmentation.
   */
  public double evaluate(ImageSet set) {
    return evaluate(set, options.batchSize());
  }

  /** As {@link #evaluate(ImageSet)}, in batches of {@code batchSize}. */
  public double evaluate(ImageSet set, int batchSize) {
    long[] right = {0};
    forEachBatch(set, batchSize, Integer.MAX_VALUE, (data, i) -> {
      NDArray logits = block.forward(store, new NDList(data.images()), false).singletonOrThrow();
      int[] predicted = logits.argMax(1).toType(DataType.INT32, false).toIntArray();
      for (int k = 0; k < predicted.length; k++) {
        if (predicted[k] == data.labelValues()[k]) {
          right[0]++;
        }
      }
    });
    return set.size() == 0 ? Double.NaN : (double) right[0] / set.size();
  }

  /**
   * Runs {@code body} on the first {@code batches} batches of {@code set} in its order (no
   * augmentation, this session's normalization), each in its own sub-manager and scope.
   */
  private void forEachBatch(ImageSet set, int batchSize, int batches, java.util.function.ObjIntConsumer<Batch> body) {
    gradientsOffOnThisThread();
    ImageBatcher batcher = ImageBatcher.forEvaluation(set, batchSize, normalization);
    int n = Math.min(batches, batcher.batchesPerEpoch());
    for (int i = 0; i < n; i++) {
      try (NDManager evalManager = manager.newSubManager();
          NDScope scope = new NDScope()) {
        body.accept(batcher.batch(evalManager, 0, i), i);
      }
    }
  }

  /**
   * Runs the first {@code batches} batches of {@code set} (in its order, no augmentation)
   * through the network in training mode without gradients: batch-norm layers update their
   * running statistics and nothing else changes. Weight-sharing evaluation uses it to
   * recalibrate the statistics for one architecture; {@code beforeBatch} hears each batch's
   * index before it runs.
   */
  public void forwardInTrainingMode(ImageSet set, int batches, IntConsumer beforeBatch) {
    forEachBatch(set, options.batchSize(), batches, (data, i) -> {
      beforeBatch.accept(i);
      block.forward(store, new NDList(data.images()), true);
    });
  }

  /** Copies of all parameters (and buffers such as batch-norm statistics) on the host, by name. */
  public Map<String, Tensor> parameterValues() {
    Map<String, Tensor> values = new LinkedHashMap<>();
    for (Pair<String, Parameter> p : block.getParameters()) {
      values.put(p.getKey(), toTensor(p.getValue().getArray()));
    }
    return values;
  }

  /** The state of the run, enough to continue it exactly. */
  public Checkpoint checkpoint() {
    Map<String, Tensor> momentum = new LinkedHashMap<>();
    optimizer.buffers().forEach((name, buffer) -> momentum.put(name, toTensor(buffer)));
    Map<String, Long> counters = Map.of("epoch", (long) epoch, "batch", (long) batch, "step", step);
    Map<String, Double> metrics =
        Map.of(
            "loss-sum", lossSum,
            "correct", (double) correct,
            "seen", (double) seen,
            "step-seconds", stepSeconds);
    return new Checkpoint(fingerprint(), options.seed(), counters, metrics, parameterValues(), momentum);
  }

  /** Writes {@link #checkpoint()} to {@code file} atomically. */
  public void saveCheckpoint(Path file) throws IOException {
    checkpoint().write(file);
  }

  /**
   * Continues from a checkpoint file: parameters, momentum buffers, counters and the running
   * sums of the epoch. The session must have the same options, data and network.
   *
   * @throws InputException when the file is bad or was written by another setup
   */
  public void restoreCheckpoint(Path file) {
    restore(Checkpoint.read(file), file);
  }

  /** As {@link #restoreCheckpoint(Path)}, from a checkpoint in memory. */
  public void restore(Checkpoint checkpoint) {
    restore(checkpoint, null);
  }

  private void restore(Checkpoint checkpoint, Path file) {
    gradientsOffOnThisThread();
    if (!checkpoint.fingerprint().equals(fingerprint())) {
      throw new InputException(
          file,
          null,
          "the checkpoint was written by another setup (" + checkpoint.fingerprint()
              + "), this run is (" + fingerprint() + "); start afresh or use the same config");
    }
    PairList<String, Parameter> parameters = block.getParameters();
    for (Pair<String, Parameter> p : parameters) {
      copyInto(checkpoint.parameters(), p.getKey(), p.getValue().getArray(), file);
    }
    for (Map.Entry<String, NDArray> e : optimizer.buffers().entrySet()) {
      copyInto(checkpoint.optimizerState(), e.getKey(), e.getValue(), file);
    }
    epoch = Math.toIntExact(checkpoint.counter("epoch"));
    batch = Math.toIntExact(checkpoint.counter("batch"));
    step = checkpoint.counter("step");
    lossSum = checkpoint.metrics().getOrDefault("loss-sum", 0.0);
    correct = checkpoint.metrics().getOrDefault("correct", 0.0).longValue();
    seen = checkpoint.metrics().getOrDefault("seen", 0.0).longValue();
    stepSeconds = checkpoint.metrics().getOrDefault("step-seconds", 0.0);
    started = false;
  }

  /**
   * PyTorch's grad mode is per thread and on by default in a new thread (DJL turns it off on
   * the thread that loads the engine only); the gradient collector restores the mode it found.
   * With it on, the optimizer's in-place updates of parameters fail ("a leaf Variable that
   * requires grad is being used in an in-place operation"), so a session run from a worker
   * thread turns it off first.
   */
  private void gradientsOffOnThisThread() {
    if ("PyTorch".equals(engine.getEngineName())) {
      ai.djl.pytorch.jni.JniUtils.setGradMode(false);
    }
  }

  private static void copyInto(Map<String, Tensor> from, String name, NDArray into, Path file) {
    Tensor t = from.get(name);
    if (t == null || !java.util.Arrays.equals(t.shape(), into.getShape().getShape())) {
      throw new InputException(
          file,
          name,
          "the checkpoint has " + (t == null ? "no " + name : name + " of shape "
              + java.util.Arrays.toString(t.shape())) + ", the network needs "
              + into.getShape());
    }
    into.set(FloatBuffer.wrap(t.values()));
  }

  private String fingerprint() {
    StringBuilder sb = new StringBuilder(options.toString());
    sb.append(" train=").append(train.set().size());
    for (Pair<String, Parameter> p : block.getParameters()) {
      sb.append(' ').append(p.getKey()).append(p.getValue().getArray().getShape());
    }
    return sb.toString();
  }

  private long trainableParameters() {
    long n = 0;
    for (Pair<String, Parameter> p : block.getParameters()) {
      if (p.getValue().requiresGradient()) {
        n += p.getValue().getArray().size();
      }
    }
    return n;
  }

  private static Tensor toTensor(NDArray array) {
    if (array.getDataType() != DataType.FLOAT32) {
      throw new IllegalStateException("only float32 arrays are checkpointed, not " + array.getDataType());
    }
    return new Tensor(array.getShape().getShape(), array.toFloatArray());
  }

  /** Frees the parameters, the optimizer's buffers and everything else the session holds. */
  @Override
  public void close() {
    train.close();
    manager.close();
  }

  /** Builds a {@link TrainingSession}. */
  public static final class Builder {
    private Block block;
    private ImageSet train;
    private TrainingOptions options;
    private ImageSet validation;
    private Augmentation augmentation = Augmentation.none();
    private Normalization normalization;
    private TrainingListener listener = TrainingListener.none();
    private Device device;
    private StepPasses passes = StepPasses.SINGLE;

    private Builder() {}

    /** What each step runs (default: one forward/backward pass). */
    public Builder optStepPasses(StepPasses passes) {
      this.passes = passes;
      return this;
    }

    /** The network, not yet initialized; the session initializes it from the seed. */
    public Builder setBlock(Block block) {
      this.block = block;
      return this;
    }

    /** The images to train on. */
    public Builder setTrainingSet(ImageSet train) {
      this.train = train;
      return this;
    }

    /** The hyper-parameters. */
    public Builder setOptions(TrainingOptions options) {
      this.options = options;
      return this;
    }

    /** Images to report accuracy on after each epoch. */
    public Builder optValidationSet(ImageSet validation) {
      this.validation = validation;
      return this;
    }

    /** Training augmentation (default none). */
    public Builder optAugmentation(Augmentation augmentation) {
      this.augmentation = augmentation;
      return this;
    }

    /** Normalization of training and evaluation images (default: pixels scaled to [0, 1]). */
    public Builder optNormalization(Normalization normalization) {
      this.normalization = normalization;
      return this;
    }

    /** Who hears progress and metrics (default nobody). */
    public Builder optListener(TrainingListener listener) {
      this.listener = listener;
      return this;
    }

    /** A device, overriding the options' device choice. */
    public Builder optDevice(Device device) {
      this.device = device;
      return this;
    }

    /** Initializes the network and builds the session. */
    public TrainingSession build() {
      if (block == null || train == null || options == null) {
        throw new IllegalStateException("set the block, the training set and the options");
      }
      if (block.isInitialized()) {
        throw new IllegalStateException(
            "the block is initialized already; the session initializes it from its seed");
      }
      return new TrainingSession(this);
    }
  }
}
