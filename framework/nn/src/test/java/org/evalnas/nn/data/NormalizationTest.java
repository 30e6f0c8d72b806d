package org.evalnas.nn.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NormalizationTest {
  @Test
  void tableHoldsEachPixelValuesNormalizedValueBitForBit() {
    for (DatasetId id : DatasetId.values()) {
      Normalization n = id.normalization();
      for (int c = 0; c < n.channels(); c++) {
        float[] table = n.table(c);
        assertThat(table).hasSize(256);
        for (int p = 0; p < 256; p++) {
          assertThat(Float.floatToRawIntBits(table[p]))
              .as("%s channel %d pixel %d", id, c, p)
              .isEqualTo(Float.floatToRawIntBits(n.apply(c, p)));
        }
      }
    }
    // (0 / 255 - 0.5) / 0.25 and (255 / 255 - 0.5) / 0.25
    Normalization half = new Normalization(new float[] {0.5f}, new float[] {0.25f});
    assertThat(half.table(0)[0]).isEqualTo(-2f);
    assertThat(half.table(0)[255]).isCloseTo(2f, org.assertj.core.data.Offset.offset(1e-6f));
  }
}
