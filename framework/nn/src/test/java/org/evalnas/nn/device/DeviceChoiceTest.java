package org.evalnas.nn.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import org.evalnas.api.InputException;
import org.junit.jupiter.api.Test;

class DeviceChoiceTest {

  @Test
  void parsesConfigSpellings() {
    assertThat(DeviceChoice.parse("Auto")).isEqualTo(DeviceChoice.AUTO);
    assertThat(DeviceChoice.parse(" gpu ")).isEqualTo(DeviceChoice.GPU);
    assertThat(DeviceChoice.CPU).hasToString("cpu");
    assertThatThrownBy(() -> DeviceChoice.parse("tpu"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("use auto, cpu or gpu");
  }

  @Test
  void autoTakesAGpuWhenThereIsOne() {
    assertThat(DeviceChoice.AUTO.resolve(0)).isEqualTo(Device.cpu());
    assertThat(DeviceChoice.AUTO.resolve(2)).isEqualTo(Device.gpu(0));
    assertThat(DeviceChoice.CPU.resolve(2)).isEqualTo(Device.cpu());
    assertThat(DeviceChoice.GPU.resolve(1)).isEqualTo(Device.gpu(0));
    assertThatThrownBy(() -> DeviceChoice.GPU.resolve(0))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("sees no GPU");
  }
}
