package org.evalnas.testkit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.evalnas.api.checkpoint.CheckpointStore;
import org.evalnas.api.checkpoint.CountingRandom;
import org.evalnas.api.checkpoint.SearchStoppedException;
import org.evalnas.api.checkpoint.StateReader;
import org.evalnas.api.checkpoint.StateWriter;
import org.evalnas.api.policy.BlackBoxContext;
import org.evalnas.api.policy.Budget;
import org.evalnas.api.policy.BudgetExhaustedException;
import org.evalnas.api.policy.Score;
import org.evalnas.api.space.Architecture;
import org.evalnas.api.space.SearchSpace;
import org.evalnas.api.truth.GroundTruth;
import org.evalnas.api.truth.TruthRecord;

/**
 * A real {@link BlackBoxContext} over a space and its ground truth, for tests.
 *
 * <p>Scores are the ground truth's search metric. The budget is checked <em>before</em> a
 * query, as the benchmarks' own APIs do: a query is allowed while fewer than {@link
 * Budget#queries()} were made and the simulated time spent so far is below {@link
 * Budget#simulatedSeconds()}; the query that crosses the time limit completes and is charged
 * in full (a {@code NaN} training time costs nothing). A query beyond the budget throws
 * {@link BudgetExhaustedException} and is not made. The random generator is a {@link
 * SplittableRandom} seeded with the cell's seed.
 *
 * <p>Checkpoints: {@link #checkpointing(int, int)} gives the policy an in-memory {@link
 * CheckpointStore} that asks for a checkpoint every few queries and can stop the search after
 * a given query, as a preempted SLURM task would; {@link #resumed()} is a new context that
 * resumes from the last checkpoint, with the queries, budget and random generator as they were.
 *
 * <p>Not thread-safe: one context serves one search.
 */
public final class TestBlackBoxContext implements BlackBoxContext {
  private final SearchSpace space;
  private final GroundTruth truth;
  private final long seed;
  private final Budget budget;
  private final CountingRandom random;
  private final List<Score> trajectory = new ArrayList<>();
  private double secondsUsed;
  private int rejectedQueries;
  private Memory checkpoints;

  /**
   * @param space the space searched
   * @param truth its ground truth, which must cover every architecture the policy queries
   * @param seed the cell's seed
   * @param budget the search budget
   */
  public TestBlackBoxContext(SearchSpace space, GroundTruth truth, long seed, Budget budget) {
    this.space = Objects.requireNonNull(space, "space");
    this.truth = Objects.requireNonNull(truth, "truth");
    this.seed = seed;
    this.budget = Objects.requireNonNull(budget, "budget");
    this.random = new CountingRandom(new SplittableRandom(seed));
  }

  /**
   * Gives the policy a checkpoint store that keeps the last checkpoint in memory.
   *
   * @param interval queries between checkpoints ({@link CheckpointStore#due}), 0 = none
   * @param stopAfter stop the search after this many queries — {@code due} says yes, and the
   *     save or the next query throws {@link SearchStoppedException} — or 0 for never
   * @return this context
   */
  public TestBlackBoxContext checkpointing(int interval, int stopAfter) {
    checkpoints = new Memory(interval, stopAfter, null);
    return this;
  }

  /**
   * A new context for the same cell that resumes from this one's last checkpoint (when the
   * policy loads it), checkpointing at the same interval and never stopping.
   */
  public TestBlackBoxContext resumed() {
    TestBlackBoxContext next = new TestBlackBoxContext(space, truth, seed, budget);
    next.checkpoints =
        next.new Memory(checkpoints == null ? 0 : checkpoints.interval, 0, checkpoints == null ? null : checkpoints.last);
    return next;
  }

  /** Checkpoints the policy saved in this context. */
  public int checkpointsSaved() {
    return checkpoints == null ? 0 : checkpoints.saved;
  }

  /** Whether the policy resumed from a checkpoint in this context. */
  public boolean resumedFromCheckpoint() {
    return checkpoints != null && checkpoints.loaded;
  }

  @Override
  public CheckpointStore checkpoints() {
    return checkpoints == null ? CheckpointStore.NONE : checkpoints;
  }

  @Override
  public SearchSpace space() {
    return space;
  }

  @Override
  public long seed() {
    return seed;
  }

  @Override
  public RandomGenerator random() {
    return random;
  }

  @Override
  public Budget budget() {
    return budget;
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException when the architecture is not the one (id and label) the
   *     space decodes its choices to, or the ground truth has no record of it
   */
  @Override
  public Score evaluate(Architecture architecture) {
    if (checkpoints != null && checkpoints.stopping()) {
      throw new SearchStoppedException("the test stops the search after " + trajectory.size() + " queries");
    }
    if (!hasBudget()) {
      rejectedQueries++;
      throw new BudgetExhaustedException(exhaustion());
    }
    if (space
        .tryDecode(architecture.choices())
        .filter(a -> a.equals(architecture) && a.label().equals(architecture.label()))
        .isEmpty()) {
      throw new IllegalArgumentException(
          "'" + architecture + "' is not a valid architecture of space " + space.name());
    }
    TruthRecord record =
        truth
            .lookup(architecture)
            .orElseThrow(
                () -> new IllegalArgumentException("no ground truth for '" + architecture + "'"));
    double value =
        record
            .metric(truth.searchMetric())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "'" + architecture + "' has no " + truth.searchMetric() + " metric"));
    secondsUsed += record.chargedSeconds();
    Score score = new Score(architecture, value);
    trajectory.add(score);
    return score;
  }

  @Override
  public boolean hasBudget() {
    return budget.allowsAnother(trajectory.size(), secondsUsed);
  }

  @Override
  public int queriesUsed() {
    return trajectory.size();
  }

  /** The simulated training time charged so far. */
  public double secondsUsed() {
    return secondsUsed;
  }

  /** Queries refused for lack of budget (the policy caught the exception). */
  public int rejectedQueries() {
    return rejectedQueries;
  }

  /** Every query made, in order, with the score it returned. */
  public List<Score> trajectory() {
    return List.copyOf(trajectory);
  }

  private String exhaustion() {
    if (trajectory.size() >= budget.queries()) {
      return "the budget of " + budget.queries() + " queries is spent";
    }
    return "the budget of "
        + budget.simulatedSeconds()
        + " simulated seconds is spent ("
        + secondsUsed
        + " used)";
  }

  /** The state a checkpoint saves: the context's and the policy's. */
  private record Snapshot(long steps, double secondsUsed, List<Score> trajectory, byte[] policy) {}

  /** The in-memory checkpoint store. */
  private final class Memory implements CheckpointStore {
    final int interval;
    final int stopAfter;
    Snapshot last;
    int saved;
    boolean loaded;

    Memory(int interval, int stopAfter, Snapshot last) {
      this.interval = interval;
      this.stopAfter = stopAfter;
      this.last = last;
    }

    boolean stopping() {
      return stopAfter > 0 && trajectory.size() >= stopAfter;
    }

    @Override
    public boolean due(long progress) {
      return stopping() || (interval > 0 && progress > 0 && progress % interval == 0);
    }

    @Override
    public void save(StateWriter writer) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try {
        writer.write(bytes);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      last = new Snapshot(random.steps(), secondsUsed, List.copyOf(trajectory), bytes.toByteArray());
      saved++;
      if (stopping()) {
        throw new SearchStoppedException("the test stops the search after a checkpoint");
      }
    }

    @Override
    public <T> Optional<T> read(StateReader<T> reader) {
      if (!trajectory.isEmpty() || random.steps() > 0) {
        throw new IllegalStateException("load a checkpoint before the first query or random draw");
      }
      if (last == null) {
        return Optional.empty();
      }
      random.skipTo(last.steps());
      secondsUsed = last.secondsUsed();
      trajectory.addAll(last.trajectory());
      loaded = true;
      try {
        return Optional.of(reader.read(new ByteArrayInputStream(last.policy())));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

}
