package dev.ballast.app.task;

import dev.ballast.kafka.ClientSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** An in-memory cluster for runner and task logic tests: it records the faults asked of it. */
public final class FakeCluster implements TaskCluster {

  final TreeSet<Integer> up = new TreeSet<>();
  final Set<Integer> down = new TreeSet<>();
  final List<String> calls = java.util.Collections.synchronizedList(new ArrayList<>());
  boolean embedded = true;
  boolean killable = true;

  public FakeCluster(int brokers) {
    for (int i = 0; i < brokers; i++) {
      up.add(i);
    }
  }

  /** Returns the fault calls asked of this cluster so far, in order ("kill 2", "add 3"). */
  public List<String> calls() {
    synchronized (calls) {
      return List.copyOf(calls);
    }
  }

  @Override
  public ClientSettings client() {
    return ClientSettings.of("127.0.0.1:1");
  }

  @Override
  public List<Integer> brokerIds() {
    return List.copyOf(up);
  }

  @Override
  public boolean isEmbedded() {
    return embedded;
  }

  @Override
  public boolean canKillBrokers() {
    return killable;
  }

  @Override
  public void killBroker(int id) {
    calls.add("kill " + id);
    up.remove(id);
    down.add(id);
  }

  @Override
  public void stopBroker(int id) {
    calls.add("stop " + id);
    up.remove(id);
    down.add(id);
  }

  @Override
  public void restartBroker(int id) {
    calls.add("restart " + id);
    down.remove(id);
    up.add(id);
  }

  @Override
  public int addBroker() {
    int id = up.isEmpty() ? 0 : up.last() + 1;
    calls.add("add " + id);
    up.add(id);
    return id;
  }

  @Override
  public boolean isDown(int id) {
    return down.contains(id);
  }

  @Override
  public void setLatency(int id, Duration latency) {
    calls.add("latency " + id + " " + latency);
  }

  @Override
  public void setBandwidth(int id, long bytesPerSecond) {
    calls.add("bandwidth " + id + " " + bytesPerSecond);
  }
}
