package dev.ballast.kafka;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.LogDirDescription;

/**
 * One broker's log directories and which of them are cordoned (KIP-1066, Kafka 4.3: the broker
 * config {@code cordoned.log.dirs}, reported by DescribeLogDirs): a cordoned directory takes no new
 * replica, and a broker whose every directory is cordoned takes none at all.
 *
 * @param dirs every log directory the broker reported
 * @param cordoned the cordoned ones
 */
public record LogDirs(Set<String> dirs, Set<String> cordoned) {

  /** Copies the sets, sorted. */
  public LogDirs {
    dirs = java.util.Collections.unmodifiableSet(new TreeSet<>(dirs));
    cordoned = java.util.Collections.unmodifiableSet(new TreeSet<>(cordoned));
  }

  /** Returns the log dirs a DescribeLogDirs answer describes. */
  public static LogDirs of(Map<String, LogDirDescription> described) {
    Set<String> cordoned = new TreeSet<>();
    described.forEach(
        (dir, d) -> {
          if (d.isCordoned()) {
            cordoned.add(dir);
          }
        });
    return new LogDirs(described.keySet(), cordoned);
  }

  /** Returns whether the broker takes no new replica: it has log dirs and every one is cordoned. */
  public boolean allCordoned() {
    return !dirs.isEmpty() && cordoned.containsAll(dirs);
  }
}
