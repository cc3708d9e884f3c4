package dev.ballast.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.core.model.Broker;
import dev.ballast.core.model.BrokerState;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.model.Partition;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Invariants of every plan, on random clusters (see {@link RandomClusters}).
 *
 * <p>Every property walks the same {@value #TRIES} seeds, 1 to 400 (another base with {@code
 * -Dballast.planner.seedBase=N}, a random one with {@code =random}), and the default plan of each
 * seed is made once and shared: the properties check different invariants of one plan, so planning
 * it once per property only cost CI time.
 */
class PlannerPropertiesTest {

  private static final int TRIES = 400;
  private static final long SEED_BASE = seedBase(System.getProperty("ballast.planner.seedBase"));
  private static final Map<Long, Plan> PLANS = new ConcurrentHashMap<>();

  static {
    System.out.println("PlannerPropertiesTest seeds " + SEED_BASE + ".." + (SEED_BASE + TRIES - 1));
  }

  /** Seeds 1..400 by default, so CI is reproducible; {@code random} explores new ones. */
  private static long seedBase(String property) {
    if (property == null || property.isBlank()) {
      return 1;
    }
    return property.equals("random")
        ? new SplittableRandom().nextLong(1L << 40)
        : Long.parseLong(property.trim());
  }

  @Provide
  Arbitrary<Long> seeds() {
    return Arbitraries.longs().between(SEED_BASE, SEED_BASE + TRIES - 1);
  }

  private static Plan plan(ClusterModel model) {
    return new Planner(PlannerOptions.defaults()).plan(model);
  }

  /** Returns the default plan of {@code seed}'s cluster, made once per run. */
  private static Plan planOf(long seed) {
    return PLANS.computeIfAbsent(seed, s -> plan(RandomClusters.of(s)));
  }

  @Property(tries = TRIES, generation = GenerationMode.EXHAUSTIVE)
  void replicationFactorIsKeptAndReplicasAreDistinct(@ForAll("seeds") long seed) {
    ClusterModel model = RandomClusters.of(seed);
    Plan plan = planOf(seed);
    for (Action a : plan.actions()) {
      assertThat(a.newReplicas()).hasSameSizeAs(a.oldReplicas()).doesNotHaveDuplicates();
    }
    ClusterModel after = plan.applyTo(model);
    for (int i = 0; i < model.partitions().size(); i++) {
      assertThat(after.partitions().get(i).replicas())
          .hasSameSizeAs(model.partitions().get(i).replicas());
    }
  }

  @Property(tries = TRIES, generation = GenerationMode.EXHAUSTIVE)
  void noPartitionAppearsTwice(@ForAll("seeds") long seed) {
    Plan plan = planOf(seed);
    Set<String> names = new HashSet<>();
    for (Action a : plan.actions()) {
      assertThat(names.add(a.name())).as("%s appears twice", a.name()).isTrue();
    }
  }

  @Property(tries = TRIES, generation = GenerationMode.EXHAUSTIVE)
  void hardGoalsHold(@ForAll("seeds") long seed) {
    ClusterModel model = RandomClusters.of(seed);
    Map<Integer, Broker> brokers = new HashMap<>();
    model.brokers().forEach(b -> brokers.put(b.id(), b));
    Plan plan = planOf(seed);
    for (Action a : plan.actions()) {
      for (int id : a.newReplicas()) {
        if (!a.oldReplicas().contains(id)) {
          assertThat(brokers.get(id).state().canReceive()).as("%s onto %d", a.name(), id).isTrue();
        }
      }
      if (a.newLeader() != a.oldLeader()) {
        assertThat(brokers.get(a.newLeader()).state().canReceive()).isTrue();
      }
      // Nothing moves off an excluded broker; a slow broker keeps its followers.
      for (int id : a.oldReplicas()) {
        if (!a.newReplicas().contains(id)) {
          BrokerState s = brokers.get(id).state();
          assertThat(s).as("%s off %d", a.name(), id).isNotEqualTo(BrokerState.EXCLUDED);
          assertThat(s != BrokerState.SLOW || id == a.oldLeader())
              .as("%s: follower off slow %d", a.name(), id)
              .isTrue();
        }
      }
    }
    ClusterModel after = plan.applyTo(model);
    Map<String, HardGoalReport> hard = new HashMap<>();
    plan.summary().hardGoals().forEach(h -> hard.put(h.name(), h));
    boolean replicasLeftOnDraining = false;
    boolean replicasLeftOnDead = false;
    boolean leadersLeftOnSlow = false;
    for (Partition p : after.partitions()) {
      for (int id : p.replicas()) {
        replicasLeftOnDraining |= brokers.get(id).state() == BrokerState.DRAINING;
        replicasLeftOnDead |= brokers.get(id).state() == BrokerState.DEAD;
      }
      leadersLeftOnSlow |= p.leader() >= 0 && brokers.get(p.leader()).state() == BrokerState.SLOW;
    }
    // Whatever the plan could not empty is reported, with its reason, as not met.
    assertThat(hard.get("drain").met()).isEqualTo(!replicasLeftOnDraining);
    assertThat(hard.get("dead-broker").met()).isEqualTo(!replicasLeftOnDead);
    assertThat(hard.get("slow-broker").met()).isEqualTo(!leadersLeftOnSlow);
    // Capacity: a broker is never pushed above its capacity by the plan.
    for (BrokerLoad b : plan.summary().brokers()) {
      var cap = brokers.get(b.brokerId()).capacity();
      if (cap != null) {
        assertThat(b.after().networkIn())
            .isLessThanOrEqualTo(Math.max(cap.bytesInPerSec(), b.before().networkIn()) + 1e-6);
        assertThat(b.after().networkOut())
            .isLessThanOrEqualTo(Math.max(cap.bytesOutPerSec(), b.before().networkOut()) + 1e-6);
      }
    }
  }

  @Property(tries = TRIES, generation = GenerationMode.EXHAUSTIVE)
  void everyActionChangesTheReplicaSetOrTheLeader(@ForAll("seeds") long seed) {
    for (Action a : planOf(seed).actions()) {
      assertThat(
              a.newLeader() != a.oldLeader()
                  || !new HashSet<>(a.newReplicas()).equals(new HashSet<>(a.oldReplicas())))
          .as("%s", a.detail())
          .isTrue();
    }
  }

  @Property(tries = TRIES, generation = GenerationMode.EXHAUSTIVE)
  void rackSpreadNeverGetsWorse(@ForAll("seeds") long seed) {
    ClusterModel model = RandomClusters.of(seed);
    Map<Integer, String> rack = new HashMap<>();
    Set<String> liveRacks = new HashSet<>();
    for (Broker b : model.brokers()) {
      rack.put(b.id(), String.valueOf(b.rack()));
      if (!b.state().mustBeEmptied()) {
        liveRacks.add(String.valueOf(b.rack()));
      }
    }
    ClusterModel after = planOf(seed).applyTo(model);
    for (int i = 0; i < model.partitions().size(); i++) {
      List<Integer> before = model.partitions().get(i).replicas();
      int spreadBefore = spread(before, rack);
      int required = Math.min(before.size(), liveRacks.size());
      // Only racks made of draining or dead brokers may be given up.
      assertThat(spread(after.partitions().get(i).replicas(), rack))
          .isGreaterThanOrEqualTo(Math.min(spreadBefore, required));
    }
  }

  private static int spread(List<Integer> replicas, Map<Integer, String> rack) {
    Set<String> s = new HashSet<>();
    replicas.forEach(r -> s.add(rack.get(r)));
    return s.size();
  }

  @Property(tries = TRIES, generation = GenerationMode.EXHAUSTIVE)
  void objectiveNeverIncreases(@ForAll("seeds") long seed) {
    PlanSummary s = planOf(seed).summary();
    assertThat(s.after().compareTo(s.before())).isLessThanOrEqualTo(0);
    assertThat(s.after().hard()).isLessThanOrEqualTo(s.before().hard() + 1e-9);
  }

  @Property(tries = TRIES, generation = GenerationMode.EXHAUSTIVE)
  void planningTheResultAgainProposesNothing(@ForAll("seeds") long seed) {
    ClusterModel model = RandomClusters.of(seed);
    Plan plan = planOf(seed);
    assertThat(plan.summary().converged()).isTrue();
    Plan again = plan(plan.applyTo(model));
    assertThat(again.actions()).extracting(Action::detail).isEmpty();
  }

  @Property(tries = 200)
  void withEveryGoalOnTheObjectiveNeverRisesAndReplanningProposesNothing(
      @ForAll("seeds") long seed) {
    Map<Goal, Double> weights = new java.util.EnumMap<>(Goal.class);
    for (Goal g : Goal.values()) {
      weights.put(g, 1.0);
    }
    Planner planner = new Planner(PlannerOptions.defaults().withWeights(weights));
    ClusterModel model = RandomClusters.of(seed);
    Plan plan = planner.plan(model);
    assertThat(plan.summary().after().compareTo(plan.summary().before())).isLessThanOrEqualTo(0);
    assertThat(planner.plan(plan.applyTo(model)).actions()).extracting(Action::detail).isEmpty();
  }

  @Property(tries = TRIES, generation = GenerationMode.EXHAUSTIVE)
  void lowerBoundNeverExceedsTheBytesMoved(@ForAll("seeds") long seed) {
    Plan plan = planOf(seed);
    assertThat(plan.summary().lowerBoundBytes())
        .as("plan %s", plan.actions().stream().map(Action::detail).toList())
        .isLessThanOrEqualTo(plan.summary().bytesToMove());
  }

  @Property(tries = 100)
  void samePlanForTheSameInput(@ForAll("seeds") long seed) {
    ClusterModel model = RandomClusters.of(seed);
    assertThat(plan(model)).isEqualTo(planOf(seed));
  }
}
