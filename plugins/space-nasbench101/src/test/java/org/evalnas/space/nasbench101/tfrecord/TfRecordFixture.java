package org.evalnas.space.nasbench101.tfrecord;

import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Writes benchmark files the way the official ones are made, for tests: TFRecord framing with
 * masked CRC32Cs, each record the JSON array of a run with a protobuf ModelMetrics.
 */
public final class TfRecordFixture {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  /** Appends one run: evaluations at start, halfway and end with the given final values. */
  public TfRecordFixture run(String hash, int epochs, int[][] matrix, String ops, int parameters,
      double finalTime, double train, double valid, double test) throws IOException {
    byte[] metrics = metrics(parameters, finalTime, train, valid, test);
    StringBuilder adjacency = new StringBuilder();
    for (int[] row : matrix) {
      for (int entry : row) {
        adjacency.append(entry);
      }
    }
    String json = "[\"" + hash + "\", " + epochs + ", \"" + adjacency + "\", \"" + ops + "\", \""
        + Base64.getEncoder().encodeToString(metrics) + "\"]";
    return record(json.getBytes(StandardCharsets.UTF_8));
  }

  /** Appends a framed record. */
  public TfRecordFixture record(byte[] data) {
    byte[] length = new byte[8];
    long len = data.length;
    for (int i = 0; i < 8; i++) {
      length[i] = (byte) (len >>> (8 * i));
    }
    out.writeBytes(length);
    out.writeBytes(intLe(TfRecordReader.maskedCrc(length, 0, 8)));
    out.writeBytes(data);
    out.writeBytes(intLe(TfRecordReader.maskedCrc(data, 0, data.length)));
    return this;
  }

  public byte[] bytes() {
    return out.toByteArray();
  }

  /** A ModelMetrics: evaluation 1 is at half the final values, evaluation 2 at them. */
  static byte[] metrics(int parameters, double time, double train, double valid, double test)
      throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    for (double f : new double[] {0, 0.5, 1}) {
      byte[] evaluation = evaluation(f * 108, f * time, f * train, f * valid, f * test);
      out.writeByteArray(1, evaluation);
    }
    out.writeInt32(2, parameters);
    out.writeDouble(3, time + 100);
    out.writeString(99, "a field this reader does not know");
    out.flush();
    return bytes.toByteArray();
  }

  private static byte[] evaluation(double epoch, double time, double train, double valid,
      double test) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    out.writeDouble(1, epoch);
    out.writeDouble(2, time);
    out.writeDouble(3, train);
    out.writeDouble(4, valid);
    out.writeDouble(5, test);
    out.writeString(6, "/ckpt/model.ckpt-1");
    out.flush();
    return bytes.toByteArray();
  }

  private static byte[] intLe(int v) {
    return new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)};
  }
}
