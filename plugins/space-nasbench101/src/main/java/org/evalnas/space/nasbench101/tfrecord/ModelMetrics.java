package org.evalnas.space.nasbench101.tfrecord;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's {@code nasbench.ModelMetrics} message ({@code model_metrics.proto}): the
 * evaluations during training (index 0 at initialisation, 1 halfway, 2 at the end) and fixed
 * metrics.
 *
 * @param evaluations field 1, repeated
 * @param trainableParameters field 2
 * @param totalTime field 3, seconds
 */
public record ModelMetrics(List<EvaluationData> evaluations, int trainableParameters,
    double totalTime) {

  /**
   * One evaluation ({@code nasbench.EvaluationData}).
   *
   * @param currentEpoch field 1
   * @param trainingTime field 2, seconds of training so far
   * @param trainAccuracy field 3, fraction
   * @param validationAccuracy field 4, fraction
   * @param testAccuracy field 5, fraction
   * @param checkpointPath field 6
   */
  public record EvaluationData(double currentEpoch, double trainingTime, double trainAccuracy,
      double validationAccuracy, double testAccuracy, String checkpointPath) {}

  /**
   * Decodes the wire format; unknown fields are skipped, as protobuf does.
   *
   * @throws IOException when the bytes are not a valid message
   */
  public static ModelMetrics decode(byte[] bytes) throws IOException {
    CodedInputStream in = CodedInputStream.newInstance(bytes);
    List<EvaluationData> evaluations = new ArrayList<>(3);
    int parameters = 0;
    double totalTime = 0;
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      switch (tag) {
        case 1 << 3 | WireFormat.WIRETYPE_LENGTH_DELIMITED -> {
          int limit = in.pushLimit(in.readRawVarint32());
          evaluations.add(evaluation(in));
          in.popLimit(limit);
        }
        case 2 << 3 | WireFormat.WIRETYPE_VARINT -> parameters = in.readInt32();
        case 3 << 3 | WireFormat.WIRETYPE_FIXED64 -> totalTime = in.readDouble();
        default -> in.skipField(tag);
      }
    }
    return new ModelMetrics(List.copyOf(evaluations), parameters, totalTime);
  }

  private static EvaluationData evaluation(CodedInputStream in) throws IOException {
    double[] values = new double[5];
    String checkpoint = "";
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      int field = WireFormat.getTagFieldNumber(tag);
      if (field >= 1 && field <= 5
          && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_FIXED64) {
        values[field - 1] = in.readDouble();
      } else if (tag == (6 << 3 | WireFormat.WIRETYPE_LENGTH_DELIMITED)) {
        checkpoint = in.readString();
      } else {
        in.skipField(tag);
      }
    }
    return new EvaluationData(values[0], values[1], values[2], values[3], values[4], checkpoint);
  }
}
