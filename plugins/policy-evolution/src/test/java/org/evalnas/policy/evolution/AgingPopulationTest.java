package org.evalnas.policy.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.evalnas.api.policy.Score;
import org.evalnas.api.space.Architecture;
import org.evalnas.testkit.fake.FakeSearchSpace;
import org.junit.jupiter.api.Test;

class AgingPopulationTest {
  private final FakeSearchSpace space = FakeSearchSpace.standard();

  @Test
  void removesTheOldestNotTheWorst() {
    AgingPopulation population = new AgingPopulation(3);
    Score best = score(0, 99);
    Score worst = score(1, 1);
    Score middle = score(2, 50);
    assertThat(population.add(best)).isEmpty();
    assertThat(population.add(worst)).isEmpty();
    assertThat(population.add(middle)).isEmpty();
    assertThat(population.isFull()).isTrue();
    Score newest = score(3, 10);
    assertThat(population.add(newest)).contains(best);
    assertThat(population.members()).containsExactly(worst, middle, newest);
    assertThat(population.add(score(4, 20))).contains(worst);
    assertThat(population.size()).isEqualTo(3);
  }

  @Test
  void tournamentDrawsWithReplacement() {
    // population 2, sample 2: without replacement the best would always win; with
    // replacement both draws hit the worse member a quarter of the time
    AgingPopulation population = new AgingPopulation(2);
    Score good = score(0, 90);
    Score bad = score(1, 10);
    population.add(good);
    population.add(bad);
    SplittableRandom random = new SplittableRandom(3);
    int badWins = 0;
    for (int i = 0; i < 4_000; i++) {
      badWins += population.tournament(random, 2) == bad ? 1 : 0;
    }
    assertThat(badWins).isBetween(850, 1150);
  }

  @Test
  void tournamentOfOneIsARandomMember() {
    AgingPopulation population = new AgingPopulation(4);
    for (int i = 0; i < 4; i++) {
      population.add(score(i, i));
    }
    SplittableRandom random = new SplittableRandom(5);
    Set<Score> seen = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      seen.add(population.tournament(random, 1));
    }
    assertThat(seen).hasSize(4);
  }

  private Score score(int index, double value) {
    Architecture a = space.enumerate().skip(index).findFirst().orElseThrow();
    return new Score(a, value);
  }
}
