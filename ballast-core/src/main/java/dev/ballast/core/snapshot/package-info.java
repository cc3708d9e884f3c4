/**
 * The snapshot file: a {@link dev.ballast.core.model.ClusterModel} with its load as JSON (format in
 * docs/SNAPSHOT.md), so plans can be made offline and reproduced. Parses and writes text; opening
 * files is the caller's job.
 */
package dev.ballast.core.snapshot;
