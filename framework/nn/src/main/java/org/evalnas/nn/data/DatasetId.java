package org.evalnas.nn.data;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.evalnas.api.InputException;

/**
 * The image datasets evalnas reads, with what it takes to find, fetch, check and feed them.
 */
public enum DatasetId {
  /** Fashion-MNIST (Xiao et al. 2017): 60,000 + 10,000 grey 28 x 28 images, 10 classes. */
  FASHION_MNIST(
      "fashion-mnist",
      1,
      28,
      10,
      new float[] {0.2860f},
      new float[] {0.3530f},
      "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/",
      List.of(
          new RemoteFile("train-images-idx3-ubyte.gz", Digest.md5("8d4fb7e6c68d591d4c3dfef9ec88bf0d")),
          new RemoteFile("train-labels-idx1-ubyte.gz", Digest.md5("25c81989df183df01b3e8a0aad5dffbe")),
          new RemoteFile("t10k-images-idx3-ubyte.gz", Digest.md5("bef4ecab320f06d8554ea6380940ec79")),
          new RemoteFile("t10k-labels-idx1-ubyte.gz", Digest.md5("bb300cfdad3c16e7a12a480ee83cd310"))),
      "on Debian or Ubuntu install it with `apt-get install dataset-fashion-mnist` (files in"
          + " /usr/share/datasets/fashion-mnist), or put the four *-ubyte.gz files of"
          + " https://github.com/zalandoresearch/fashion-mnist into the configured data directory"),
  /** MNIST (LeCun et al. 1998): 60,000 + 10,000 grey 28 x 28 digits, 10 classes. */
  MNIST(
      "mnist",
      1,
      28,
      10,
      new float[] {0.1307f},
      new float[] {0.3081f},
      "https://ossci-datasets.s3.amazonaws.com/mnist/",
      List.of(
          new RemoteFile("train-images-idx3-ubyte.gz", Digest.md5("f68b3c2dcbeaaa9fbdd348bbdeb94873")),
          new RemoteFile("train-labels-idx1-ubyte.gz", Digest.md5("d53e105ee54ea40749a09fcbcd1e9432")),
          new RemoteFile("t10k-images-idx3-ubyte.gz", Digest.md5("9fb629c4189551a2d022fa330f9573f3")),
          new RemoteFile("t10k-labels-idx1-ubyte.gz", Digest.md5("ec29112dd5afa0611ce80d1b7f02629c"))),
      "put the four *-ubyte.gz files of http://yann.lecun.com/exdb/mnist/ (or its mirror"
          + " https://ossci-datasets.s3.amazonaws.com/mnist/) into the configured data directory"),
  /** CIFAR-10 (Krizhevsky 2009), binary version: 50,000 + 10,000 colour 32 x 32 images. */
  CIFAR10(
      "cifar-10",
      3,
      32,
      10,
      new float[] {0.4914f, 0.4822f, 0.4465f},
      new float[] {0.2470f, 0.2435f, 0.2616f},
      "https://www.cs.toronto.edu/~kriz/",
      List.of(
          new RemoteFile("cifar-10-binary.tar.gz", Digest.md5("c32a1d4ab5d03f1284b67883e8d87530"))),
      "download https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz (162 MB), unpack it and"
          + " point the data directory at its cifar-10-batches-bin directory (data_batch_1.bin"
          + " ... data_batch_5.bin, test_batch.bin)");

  /** The IDX file names of MNIST-likes, without {@code .gz} (both forms are read). */
  static final List<String> IDX_FILES =
      List.of(
          "train-images-idx3-ubyte",
          "train-labels-idx1-ubyte",
          "t10k-images-idx3-ubyte",
          "t10k-labels-idx1-ubyte");

  /** The CIFAR-10 batch files, the five training batches first. */
  static final List<String> CIFAR_FILES =
      List.of(
          "data_batch_1.bin",
          "data_batch_2.bin",
          "data_batch_3.bin",
          "data_batch_4.bin",
          "data_batch_5.bin",
          "test_batch.bin");

  private final String configName;
  private final int channels;
  private final int size;
  private final int classes;
  private final float[] mean;
  private final float[] std;
  private final URI baseUrl;
  private final List<RemoteFile> remoteFiles;
  private final String howToGet;

  DatasetId(
      String configName,
      int channels,
      int size,
      int classes,
      float[] mean,
      float[] std,
      String baseUrl,
      List<RemoteFile> remoteFiles,
      String howToGet) {
    this.configName = configName;
    this.channels = channels;
    this.size = size;
    this.classes = classes;
    this.mean = mean;
    this.std = std;
    this.baseUrl = URI.create(baseUrl);
    this.remoteFiles = remoteFiles;
    this.howToGet = howToGet;
  }

  /**
   * Parses a config name: {@code fashion-mnist}, {@code mnist} or {@code cifar-10} (also
   * {@code cifar10}).
   */
  public static DatasetId parse(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    for (DatasetId id : values()) {
      if (id.configName.equals(n) || id.configName.replace("-", "").equals(n.replace("-", ""))) {
        return id;
      }
    }
    throw new InputException(
        null, null, "unknown dataset '" + name + "': use fashion-mnist, mnist or cifar-10");
  }

  /** The name configs use, also the name of its directory in the system dir and the cache. */
  public String configName() {
    return configName;
  }

  /** Channels per image. */
  public int channels() {
    return channels;
  }

  /** Image height and width. */
  public int imageSize() {
    return size;
  }

  /** Number of classes. */
  public int classes() {
    return classes;
  }

  /** The usual normalization: the training set's per-channel mean and std. */
  public Normalization normalization() {
    return new Normalization(mean, std);
  }

  /**
   * The standard training augmentation: random crop with padding 4 and horizontal flip for
   * CIFAR-10, none for the MNIST-likes.
   */
  public Augmentation trainingAugmentation() {
    return this == CIFAR10 ? Augmentation.cropAndFlip(4) : Augmentation.none();
  }

  /** Where the files are published. */
  public URI baseUrl() {
    return baseUrl;
  }

  /** The published files and their checksums. */
  public List<RemoteFile> remoteFiles() {
    return remoteFiles;
  }

  /** What a user can do to get the data, for messages. */
  public String howToGet() {
    return howToGet;
  }

  @Override
  public String toString() {
    return configName;
  }
}
