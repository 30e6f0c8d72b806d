package org.evalnas.nn.training;

import java.util.Locale;
import org.evalnas.nn.device.DeviceChoice;

/**
 * The hyper-parameters of a training run. Build with {@link #builder()}: {@code setX} for the
 * required values, {@code optX} for the rest; {@link Builder#build()} checks them.
 *
 * <p>The learning rate follows a cosine from {@code learningRate} down to {@code
 * minLearningRate} over all steps after the warm-up, which rises linearly over {@code
 * warmupEpochs}. SGD follows PyTorch: {@code g = grad + weightDecay * w; buf = momentum * buf +
 * g; w -= lr * (nesterov ? g + momentum * buf : buf)}, after scaling all gradients down when
 * their global L2 norm exceeds {@code gradientClipNorm}.
 */
public final class TrainingOptions {
  private final int epochs;
  private final int batchSize;
  private final double learningRate;
  private final double minLearningRate;
  private final int warmupEpochs;
  private final double momentum;
  private final boolean nesterov;
  private final double weightDecay;
  private final double gradientClipNorm;
  private final double labelSmoothing;
  private final long seed;
  private final DeviceChoice device;

  private TrainingOptions(Builder b) {
    this.epochs = b.epochs;
    this.batchSize = b.batchSize;
    this.learningRate = b.learningRate;
    this.minLearningRate = b.minLearningRate;
    this.warmupEpochs = b.warmupEpochs;
    this.momentum = b.momentum;
    this.nesterov = b.nesterov;
    this.weightDecay = b.weightDecay;
    this.gradientClipNorm = b.gradientClipNorm;
    this.labelSmoothing = b.labelSmoothing;
    this.seed = b.seed;
    this.device = b.device;
  }

  /** A builder; epochs, batch size and learning rate must be set. */
  public static Builder builder() {
    return new Builder();
  }

  /** Epochs to train. */
  public int epochs() {
    return epochs;
  }

  /** Images per training batch (a last, smaller batch of an epoch is left out). */
  public int batchSize() {
    return batchSize;
  }

  /** The peak learning rate. */
  public double learningRate() {
    return learningRate;
  }

  /** The learning rate the cosine ends at (default 0). */
  public double minLearningRate() {
    return minLearningRate;
  }

  /** Epochs of linear warm-up (default 0). */
  public int warmupEpochs() {
    return warmupEpochs;
  }

  /** SGD momentum (default 0.9). */
  public double momentum() {
    return momentum;
  }

  /** Nesterov momentum (default false). */
  public boolean nesterov() {
    return nesterov;
  }

  /** L2 weight decay added to the gradients (default 0). */
  public double weightDecay() {
    return weightDecay;
  }

  /** The maximal global L2 norm of the gradients; 0 turns clipping off (default). */
  public double gradientClipNorm() {
    return gradientClipNorm;
  }

  /** Label smoothing epsilon in [0, 1) (default 0). */
  public double labelSmoothing() {
    return labelSmoothing;
  }

  /** The root seed of initialization, data order, augmentation and the engine's generator. */
  public long seed() {
    return seed;
  }

  /** Where to train (default auto). */
  public DeviceChoice device() {
    return device;
  }

  /** The same options with another seed. */
  public TrainingOptions withSeed(long seed) {
    Builder b = toBuilder();
    b.seed = seed;
    return b.build();
  }

  /** A builder holding these options. */
  public Builder toBuilder() {
    return builder()
        .setEpochs(epochs)
        .setBatchSize(batchSize)
        .setLearningRate(learningRate)
        .optMinLearningRate(minLearningRate)
        .optWarmupEpochs(warmupEpochs)
        .optMomentum(momentum)
        .optNesterov(nesterov)
        .optWeightDecay(weightDecay)
        .optGradientClipNorm(gradientClipNorm)
        .optLabelSmoothing(labelSmoothing)
        .optSeed(seed)
        .optDevice(device);
  }

  /** Every option, in a stable form (checkpoints compare it). */
  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "epochs=%d batch=%d lr=%s min-lr=%s warmup=%d momentum=%s nesterov=%s wd=%s clip=%s"
            + " smoothing=%s seed=%d",
        epochs, batchSize, learningRate, minLearningRate, warmupEpochs, momentum, nesterov,
        weightDecay, gradientClipNorm, labelSmoothing, seed);
  }

  /** Builds {@link TrainingOptions}. */
  public static final class Builder {
    private int epochs = -1;
    private int batchSize = -1;
    private double learningRate = Double.NaN;
    private double minLearningRate;
    private int warmupEpochs;
    private double momentum = 0.9;
    private boolean nesterov;
    private double weightDecay;
    private double gradientClipNorm;
    private double labelSmoothing;
    private long seed;
    private DeviceChoice device = DeviceChoice.AUTO;

    private Builder() {}

    /** Epochs to train, at least 1. */
    public Builder setEpochs(int epochs) {
      this.epochs = epochs;
      return this;
    }

    /** Images per batch, at least 1. */
    public Builder setBatchSize(int batchSize) {
      this.batchSize = batchSize;
      return this;
    }

    /** The peak learning rate, above 0. */
    public Builder setLearningRate(double learningRate) {
      this.learningRate = learningRate;
      return this;
    }

    /** The final learning rate of the cosine, in [0, learningRate]. */
    public Builder optMinLearningRate(double minLearningRate) {
      this.minLearningRate = minLearningRate;
      return this;
    }

    /** Epochs of linear warm-up, in [0, epochs). */
    public Builder optWarmupEpochs(int warmupEpochs) {
      this.warmupEpochs = warmupEpochs;
      return this;
    }

    /** Momentum in [0, 1). */
    public Builder optMomentum(double momentum) {
      this.momentum = momentum;
      return this;
    }

    /** Nesterov momentum (needs momentum above 0). */
    public Builder optNesterov(boolean nesterov) {
      this.nesterov = nesterov;
      return this;
    }

    /** Weight decay, at least 0. */
    public Builder optWeightDecay(double weightDecay) {
      this.weightDecay = weightDecay;
      return this;
    }

    /** Maximal global gradient norm, 0 for none. */
    public Builder optGradientClipNorm(double gradientClipNorm) {
      this.gradientClipNorm = gradientClipNorm;
      return this;
    }

    /** Label smoothing in [0, 1). */
    public Builder optLabelSmoothing(double labelSmoothing) {
      this.labelSmoothing = labelSmoothing;
      return this;
    }

    /** The root seed (default 0). */
    public Builder optSeed(long seed) {
      this.seed = seed;
      return this;
    }

    /** The device (default auto). */
    public Builder optDevice(DeviceChoice device) {
      this.device = device;
      return this;
    }

    /**
     * Checks and builds.
     *
     * @throws IllegalArgumentException naming the first value out of range
     */
    public TrainingOptions build() {
      require(epochs >= 1, "epochs must be at least 1, was " + epochs);
      require(batchSize >= 1, "batch size must be at least 1, was " + batchSize);
      require(learningRate > 0, "learning rate must be above 0, was " + learningRate);
      require(
          minLearningRate >= 0 && minLearningRate <= learningRate,
          "min learning rate must be in [0, " + learningRate + "], was " + minLearningRate);
      require(
          warmupEpochs >= 0 && warmupEpochs < epochs,
          "warm-up epochs must be in [0, " + epochs + "), was " + warmupEpochs);
      require(momentum >= 0 && momentum < 1, "momentum must be in [0, 1), was " + momentum);
      require(!nesterov || momentum > 0, "Nesterov momentum needs momentum above 0");
      require(weightDecay >= 0, "weight decay must not be negative, was " + weightDecay);
      require(gradientClipNorm >= 0, "gradient clip norm must not be negative, was " + gradientClipNorm);
      require(
          labelSmoothing >= 0 && labelSmoothing < 1,
          "label smoothing must be in [0, 1), was " + labelSmoothing);
      require(device != null, "device must be set");
      return new TrainingOptions(this);
    }

    private static void require(boolean ok, String message) {
      if (!ok) {
        throw new IllegalArgumentException(message);
      }
    }
  }
}
