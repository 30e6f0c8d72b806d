package org.evalnas.nn.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DataSplitTest {

  private static ImageDataset dataset(int n) {
    byte[] pixels = new byte[n * 2];
    byte[] labels = new byte[n];
    for (int i = 0; i < n; i++) {
      pixels[2 * i] = (byte) i;
      pixels[2 * i + 1] = (byte) (i >> 8);
      labels[i] = (byte) (i % 10);
    }
    ImageSet train = new ImageSet(pixels, labels, 1, 1, 2, 10);
    return new ImageDataset(DatasetId.MNIST, train, train.head(3), Path.of("."));
  }

  private static Set<Integer> ids(ImageSet set) {
    Set<Integer> ids = new HashSet<>();
    for (int i = 0; i < set.size(); i++) {
      ids.add(set.pixel(i, 0, 0, 0) + 256 * set.pixel(i, 0, 0, 1));
    }
    return ids;
  }

  @Test
  void holdsOutTheConfiguredPortionDisjointly() {
    DataSplit split = DataSplit.of(dataset(1000), 0.25, 7);
    assertThat(split.validation().size()).isEqualTo(250);
    assertThat(split.train().size()).isEqualTo(750);
    assertThat(split.test().size()).isEqualTo(3);
    Set<Integer> all = new HashSet<>(ids(split.train()));
    all.addAll(ids(split.validation()));
    assertThat(all).hasSize(1000);
  }

  @Test
  void sameSeedSameSplitOtherSeedOtherSplit() {
    ImageDataset d = dataset(500);
    assertThat(ids(DataSplit.of(d, 0.1, 1).validation()))
        .isEqualTo(ids(DataSplit.of(d, 0.1, 1).validation()))
        .isNotEqualTo(ids(DataSplit.of(d, 0.1, 2).validation()));
    assertThat(DataSplit.of(d, 0, 1).validation().size()).isZero();
  }
}
