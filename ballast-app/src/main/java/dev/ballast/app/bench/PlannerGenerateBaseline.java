package dev.ballast.app.bench;

import dev.ballast.core.model.Broker;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.model.Partition;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * What {@code kafka-reassign-partitions.sh --generate} would propose for a cluster: Kafka 4.3's
 * {@code ReassignPartitionsCommand.calculateAssignment} places each topic afresh with the KRaft
 * {@code org.apache.kafka.metadata.placement.StripedReplicaPlacer} over the listed brokers
 * (rack-aware, random start), ignoring the current placement. This calls that same placer, per
 * topic, with a seeded {@link Random} so the figure is reproducible (Kafka's tool uses an unseeded
 * one). kafka-metadata is only on the runtime class path (kafka-tools' runtime dependency), so the
 * placer is reached by reflection.
 */
final class PlannerGenerateBaseline {

  private static final String PLACEMENT = "org.apache.kafka.metadata.placement.";

  /**
   * The proposal.
   *
   * @param model the cluster with the proposed placement (loads unchanged)
   * @param replicasMoved replicas the proposal puts on brokers that do not hold them now
   * @param bytesMoved the bytes those replicas hold
   */
  record Result(ClusterModel model, long replicasMoved, long bytesMoved) {}

  private PlannerGenerateBaseline() {}

  /** Returns Kafka's proposal for every topic of {@code model} over all of its brokers. */
  static Result generate(ClusterModel model, long seed) {
    try {
      return place(model, seed);
    } catch (ReflectiveOperationException e) {
      Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
      throw new IllegalStateException("Kafka's StripedReplicaPlacer failed: " + cause, cause);
    }
  }

  @SuppressWarnings("unchecked")
  private static Result place(ClusterModel model, long seed) throws ReflectiveOperationException {
    ClassLoader loader = PlannerGenerateBaseline.class.getClassLoader();
    Class<?> usableClass = Class.forName(PLACEMENT + "UsableBroker", true, loader);
    Class<?> describerClass = Class.forName(PLACEMENT + "ClusterDescriber", true, loader);
    Class<?> specClass = Class.forName(PLACEMENT + "PlacementSpec", true, loader);
    Class<?> placerClass = Class.forName(PLACEMENT + "StripedReplicaPlacer", true, loader);
    Object migrating =
        Class.forName("org.apache.kafka.common.DirectoryId", true, loader)
            .getField("MIGRATING")
            .get(null);
    Constructor<?> usableNew = usableClass.getConstructor(int.class, Optional.class, boolean.class);
    List<Object> usable = new ArrayList<>();
    for (Broker b : model.brokers()) {
      usable.add(usableNew.newInstance(b.id(), Optional.ofNullable(b.rack()), false));
    }
    Object describer =
        Proxy.newProxyInstance(
            loader,
            new Class<?>[] {describerClass},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "usableBrokers" -> (Iterator<Object>) usable.iterator();
                  case "defaultDir" -> migrating;
                  case "toString" -> "ballast-describer";
                  case "hashCode" -> 0;
                  case "equals" -> proxy == args[0];
                  default -> throw new UnsupportedOperationException(method.getName());
                });
    Object placer = placerClass.getConstructor(Random.class).newInstance(new Random(seed));
    Method place = placerClass.getMethod("place", specClass, describerClass);
    Constructor<?> specNew = specClass.getConstructor(int.class, int.class, short.class);
    Method assignments = place.getReturnType().getMethod("assignments");
    Method replicasOf =
        Class.forName(PLACEMENT + "PartitionAssignment", true, loader).getMethod("replicas");
    List<Partition> partitions = model.partitions();
    List<Partition> proposed = new ArrayList<>(partitions.size());
    long moved = 0;
    long bytes = 0;
    int i = 0;
    while (i < partitions.size()) {
      int j = i;
      String topic = partitions.get(i).topic();
      while (j < partitions.size() && partitions.get(j).topic().equals(topic)) {
        j++;
      }
      short rf = (short) partitions.get(i).replicas().size();
      Object assignment = place.invoke(placer, specNew.newInstance(0, j - i, rf), describer);
      List<Object> placed = (List<Object>) assignments.invoke(assignment);
      for (int k = i; k < j; k++) {
        Partition p = partitions.get(k);
        List<Integer> replicas = (List<Integer>) replicasOf.invoke(placed.get(k - i));
        for (Integer r : replicas) {
          if (!p.replicas().contains(r)) {
            moved++;
            bytes += p.load().sizeBytes();
          }
        }
        proposed.add(Partition.of(p.topic(), p.partition(), replicas, p.load()));
      }
      i = j;
    }
    return new Result(ClusterModel.of(model.brokers(), proposed), moved, bytes);
  }
}
