package dev.ballast.core.plan;

import dev.ballast.core.model.Broker;
import dev.ballast.core.model.BrokerState;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.model.Partition;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The planner's working copy of a cluster in primitive arrays indexed by int: brokers by their
 * position in the model, partitions by theirs, and replicas by "slot" (the partition's offset in a
 * flat replica array plus the replica's position). Per-broker loads and per-topic counts are
 * updated incrementally on every change, so evaluating an action costs O(resources).
 */
final class PlacementState {

  static final int NW_IN = 0;
  static final int NW_OUT = 1;
  static final int MSGS = 2;
  static final int DISK = 3;
  static final int REPLICAS = 4;
  static final int LEADERS = 5;
  static final int RESOURCES = 6;

  final ClusterModel model;
  final int brokers;
  final int partitions;
  final int topics;
  final int[] brokerId;
  final BrokerState[] state;
  final boolean[] canReceive;
  final int[] rackOf;
  final boolean racked;
  final int liveRacks;
  final double[] capIn;
  final double[] capOut;

  final int[] topicOf;
  final String[] topicNames;
  final int[] off;
  final int[] replica;
  final int[] original;
  final boolean[] inSync;
  final boolean[] originalInSync;
  final int[] slotPartition;
  final int[] leader;
  final int[] originalLeader;
  final double[] bytesIn;
  final double[] bytesOut;
  final double[] messages;
  final long[] size;
  final boolean[] pinned;

  final double[][] load = new double[RESOURCES][];
  final int[] topicCount;

  private final int[][] slotsOf;
  private final int[] slotCount;
  private final int[] slotPos;

  /** Builds the arrays from {@code model}; topics matching {@code excluded} are pinned. */
  PlacementState(ClusterModel model, Pattern excluded) {
    this.model = model;
    List<Broker> bs = model.brokers();
    List<Partition> ps = model.partitions();
    brokers = bs.size();
    partitions = ps.size();
    brokerId = new int[brokers];
    state = new BrokerState[brokers];
    canReceive = new boolean[brokers];
    rackOf = new int[brokers];
    capIn = new double[brokers];
    capOut = new double[brokers];
    TreeMap<String, Integer> racks = new TreeMap<>();
    boolean anyRack = false;
    for (Broker b : bs) {
      anyRack |= b.rack() != null;
      racks.putIfAbsent(b.rack() == null ? "" : b.rack(), 0);
    }
    int r = 0;
    for (var e : racks.entrySet()) {
      e.setValue(r++);
    }
    boolean[] liveRack = new boolean[racks.size()];
    for (int i = 0; i < brokers; i++) {
      Broker b = bs.get(i);
      brokerId[i] = b.id();
      state[i] = b.state();
      canReceive[i] = b.state().canReceive();
      rackOf[i] = racks.get(b.rack() == null ? "" : b.rack());
      if (!b.state().mustBeEmptied()) {
        liveRack[rackOf[i]] = true;
      }
      capIn[i] = b.capacity() == null ? Double.POSITIVE_INFINITY : b.capacity().bytesInPerSec();
      capOut[i] = b.capacity() == null ? Double.POSITIVE_INFINITY : b.capacity().bytesOutPerSec();
    }
    racked = anyRack;
    int live = 0;
    for (boolean l : liveRack) {
      live += l ? 1 : 0;
    }
    liveRacks = live;

    topicOf = new int[partitions];
    off = new int[partitions + 1];
    leader = new int[partitions];
    bytesIn = new double[partitions];
    bytesOut = new double[partitions];
    messages = new double[partitions];
    size = new long[partitions];
    pinned = new boolean[partitions];
    List<String> names = new java.util.ArrayList<>();
    int slots = 0;
    for (int p = 0; p < partitions; p++) {
      Partition part = ps.get(p);
      if (names.isEmpty() || !names.get(names.size() - 1).equals(part.topic())) {
        names.add(part.topic());
      }
      topicOf[p] = names.size() - 1;
      off[p] = slots;
      slots += part.replicas().size();
    }
    off[partitions] = slots;
    topicNames = names.toArray(new String[0]);
    topics = topicNames.length;
    boolean[] pinnedTopic = new boolean[topics];
    for (int t = 0; t < topics; t++) {
      pinnedTopic[t] = excluded != null && excluded.matcher(topicNames[t]).matches();
    }
    replica = new int[slots];
    inSync = new boolean[slots];
    slotPartition = new int[slots];
    for (int p = 0; p < partitions; p++) {
      Partition part = ps.get(p);
      List<Integer> reps = part.replicas();
      for (int k = 0; k < reps.size(); k++) {
        replica[off[p] + k] = model.indexOf(reps.get(k));
        inSync[off[p] + k] = part.isr().contains(reps.get(k));
        slotPartition[off[p] + k] = p;
      }
      leader[p] = part.leader() < 0 ? -1 : model.indexOf(part.leader());
      bytesIn[p] = part.load().bytesInPerSec();
      bytesOut[p] = part.load().bytesOutPerSec();
      messages[p] = part.load().messagesInPerSec();
      size[p] = part.load().sizeBytes();
      pinned[p] = pinnedTopic[topicOf[p]];
    }
    original = replica.clone();
    originalInSync = inSync.clone();
    originalLeader = leader.clone();

    for (int res = 0; res < RESOURCES; res++) {
      load[res] = new double[brokers];
    }
    topicCount = new int[Math.multiplyExact(topics, Math.max(brokers, 1))];
    slotCount = new int[brokers];
    for (int s = 0; s < slots; s++) {
      slotCount[replica[s]]++;
    }
    slotsOf = new int[brokers][];
    for (int b = 0; b < brokers; b++) {
      slotsOf[b] = new int[Math.max(4, slotCount[b])];
      slotCount[b] = 0;
    }
    slotPos = new int[slots];
    for (int p = 0; p < partitions; p++) {
      for (int s = off[p]; s < off[p + 1]; s++) {
        addSlot(replica[s], s);
        addLoad(replica[s], p, leader[p] == replica[s], 1);
        topicCount[topicOf[p] * brokers + replica[s]]++;
      }
    }
  }

  /** Returns the replication factor of partition {@code p}. */
  int rf(int p) {
    return off[p + 1] - off[p];
  }

  /** Returns the partition a slot belongs to. */
  int partitionOf(int slot) {
    return slotPartition[slot];
  }

  /** Returns the load a replica of {@code p} puts on resource {@code res} in the given role. */
  double value(int res, int p, boolean isLeader) {
    return switch (res) {
      case NW_IN -> bytesIn[p];
      case NW_OUT -> isLeader ? bytesOut[p] + (rf(p) - 1) * bytesIn[p] : 0;
      case MSGS -> isLeader ? messages[p] : 0;
      case DISK -> size[p];
      case REPLICAS -> 1;
      case LEADERS -> isLeader ? 1 : 0;
      default -> throw new IllegalArgumentException("resource " + res);
    };
  }

  /** Returns the load that only the leader of {@code p} carries on resource {@code res}. */
  double leaderOnly(int res, int p) {
    return value(res, p, true) - value(res, p, false);
  }

  /** Returns whether broker {@code b} holds a replica of {@code p}. */
  boolean holds(int p, int b) {
    for (int s = off[p]; s < off[p + 1]; s++) {
      if (replica[s] == b) {
        return true;
      }
    }
    return false;
  }

  /** Returns the number of distinct racks {@code p} spans, with {@code slot} on {@code b}. */
  int rackSpread(int p, int slot, int b) {
    int n = 0;
    for (int s = off[p]; s < off[p + 1]; s++) {
      int rack = rackOf[s == slot ? b : replica[s]];
      boolean seen = false;
      for (int q = off[p]; q < s; q++) {
        if (rackOf[q == slot ? b : replica[q]] == rack) {
          seen = true;
          break;
        }
      }
      n += seen ? 0 : 1;
    }
    return n;
  }

  /** Returns how many racks {@code p} is short of: min(rf, live racks) minus its spread. */
  int rackDeficit(int p) {
    if (!racked) {
      return 0;
    }
    return Math.max(0, Math.min(rf(p), liveRacks) - rackSpread(p, -1, -1));
  }

  /** Returns how many replicas broker {@code b} holds. */
  int slotCount(int b) {
    return slotCount[b];
  }

  /** Returns the slots broker {@code b} holds (only the first {@link #slotCount} are valid). */
  int[] slotsOf(int b) {
    return slotsOf[b];
  }

  /** Moves the replica in {@code slot} to broker {@code to}; its role moves with it. */
  void moveReplica(int slot, int to) {
    int p = partitionOf(slot);
    int from = replica[slot];
    boolean wasLeader = leader[p] == from;
    addLoad(from, p, wasLeader, -1);
    removeSlot(from, slot);
    topicCount[topicOf[p] * brokers + from]--;
    replica[slot] = to;
    // A new replica is in sync once the reassignment completes, before the preferred election.
    inSync[slot] = original[slot] != to || originalInSync[slot];
    if (wasLeader) {
      leader[p] = to;
    }
    addSlot(to, slot);
    addLoad(to, p, wasLeader, 1);
    topicCount[topicOf[p] * brokers + to]++;
  }

  /** Makes broker {@code to}, which holds a replica of {@code p}, its leader. */
  void moveLeader(int p, int to) {
    int from = leader[p];
    for (int res = 0; res < RESOURCES; res++) {
      double v = leaderOnly(res, p);
      if (from >= 0) {
        load[res][from] -= v;
      }
      load[res][to] += v;
    }
    leader[p] = to;
  }

  private void addLoad(int b, int p, boolean isLeader, int sign) {
    for (int res = 0; res < RESOURCES; res++) {
      load[res][b] += sign * value(res, p, isLeader);
    }
  }

  private void addSlot(int b, int slot) {
    if (slotCount[b] == slotsOf[b].length) {
      slotsOf[b] = Arrays.copyOf(slotsOf[b], slotsOf[b].length * 2);
    }
    slotPos[slot] = slotCount[b];
    slotsOf[b][slotCount[b]++] = slot;
  }

  private void removeSlot(int b, int slot) {
    int pos = slotPos[slot];
    int last = slotsOf[b][--slotCount[b]];
    slotsOf[b][pos] = last;
    slotPos[last] = pos;
  }

  /**
   * Returns the replica broker ids of {@code p}, current or original; a changed leader is put
   * first, so that a preferred leader election makes it lead.
   */
  int[] replicaIds(int p, boolean originalPlacement) {
    int[] src = originalPlacement ? original : replica;
    int n = rf(p);
    int[] ids = new int[n];
    int lead = leader[p];
    // The intended leader goes first whenever it is not already: the preferred leader election
    // after the moves elects the first replica (a failed-over leader is often not first).
    boolean reorder = !originalPlacement && lead >= 0 && src[off[p]] != lead;
    int k = 0;
    if (reorder) {
      ids[k++] = brokerId[lead];
    }
    for (int s = off[p]; s < off[p + 1]; s++) {
      if (!reorder || src[s] != lead) {
        ids[k++] = brokerId[src[s]];
      }
    }
    return ids;
  }
}
