package org.evalnas.policy.evolution;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.evalnas.api.policy.Score;

/**
 * The population of aging evolution: a queue of at most {@code capacity} scored members in
 * order of birth. Adding to a full population removes the <em>oldest</em> member, whatever
 * its score; that is the regularization of Real et al.
 */
final class AgingPopulation {
  private final int capacity;
  private final Deque<Score> members = new ArrayDeque<>();

  AgingPopulation(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
    }
    this.capacity = capacity;
  }

  /** Adds the newest member; returns the oldest one when it had to go. */
  Optional<Score> add(Score member) {
    members.addLast(member);
    return members.size() > capacity ? Optional.of(members.removeFirst()) : Optional.empty();
  }

  boolean isFull() {
    return members.size() == capacity;
  }

  int size() {
    return members.size();
  }

  /** The members, oldest first. */
  List<Score> members() {
    return List.copyOf(members);
  }

  /**
   * Tournament selection: draws {@code sampleSize} members uniformly <em>with replacement</em>
   * and returns the best (the first drawn among equals). With replacement, as in Algorithm 1
   * of Real et al. ("candidate <- random element from population") and in both the NASLib and
   * AutoDL-Projects implementations, which draw each candidate independently.
   */
  Score tournament(RandomGenerator random, int sampleSize) {
    if (members.isEmpty()) {
      throw new IllegalStateException("the population is empty");
    }
    List<Score> list = new ArrayList<>(members);
    Score best = null;
    for (int i = 0; i < sampleSize; i++) {
      Score candidate = list.get(random.nextInt(list.size()));
      if (best == null || candidate.value() > best.value()) {
        best = candidate;
      }
    }
    return best;
  }
}
