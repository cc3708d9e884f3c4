package dev.ballast.app.scenario;

import dev.ballast.core.doctor.Diagnosis;
import dev.ballast.core.doctor.Fix;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What the capacity fix does to and reads from the cluster, apart from its steps ({@link
 * CapacityFix}), so a test drives the steps with a fake. {@link #diagnose}, {@link #addBroker} and
 * {@link #apply} block (sampling, a broker starting, partitions copied) and run in the background;
 * {@link #underReplicated} is one metadata call.
 */
interface CapacityActions {

  /** Returns the partitions of the scenario's topic under-replicated now. */
  int underReplicated();

  /** Samples the cluster for {@code window} and returns the doctor's diagnosis. */
  Diagnosis diagnose(Duration window);

  /** Writes {@code d}'s fix in every format under {@code fix/}; returns the files written. */
  List<Path> writeFix(Diagnosis d);

  /** Returns {@code d} as the doctor's text, line by line, for the log. */
  List<String> describe(Diagnosis d);

  /** Adds one broker of the same hardware (the same network cap) and returns its id. */
  int addBroker();

  /** Applies the Kafka part of {@code fix} within {@code limit}; returns whether it completed. */
  boolean apply(Fix fix, Duration limit);
}
