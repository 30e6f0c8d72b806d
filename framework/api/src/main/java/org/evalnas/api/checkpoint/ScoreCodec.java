package org.evalnas.api.checkpoint;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.evalnas.api.policy.Score;
import org.evalnas.api.space.SearchSpace;

/**
 * Writes scored architectures into a checkpoint as choice vectors and exact scores, and reads
 * them back through the space, for black-box policies whose state is what they have scored.
 */
public final class ScoreCodec {
  private ScoreCodec() {}

  /** Writes the scores in order. */
  public static void write(DataOutput out, List<Score> scores) throws IOException {
    out.writeInt(scores.size());
    for (Score s : scores) {
      int[] choices = s.architecture().choices();
      out.writeInt(choices.length);
      for (int c : choices) {
        out.writeInt(c);
      }
      out.writeDouble(s.value());
    }
  }

  /**
   * Reads scores {@link #write} wrote, decoding each choice vector with {@code space}.
   *
   * @throws IOException when the data is not such a list or a vector does not decode
   */
  public static List<Score> read(DataInput in, SearchSpace space) throws IOException {
    int n = in.readInt();
    if (n < 0) {
      throw new IOException("a negative number of scores: " + n);
    }
    List<Score> scores = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int length = in.readInt();
      if (length < 0 || length > 1 << 16) {
        throw new IOException("a choice vector of length " + length);
      }
      int[] choices = new int[length];
      for (int j = 0; j < length; j++) {
        choices[j] = in.readInt();
      }
      double value = in.readDouble();
      try {
        scores.add(new Score(space.decode(choices), value));
      } catch (RuntimeException e) {
        throw new IOException("score " + i + " is not an architecture of space " + space.name(), e);
      }
    }
    return scores;
  }
}
