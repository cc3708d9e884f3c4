/**
 * The doctor: turns a {@link dev.ballast.core.model.ClusterModel} plus what the model does not hold
 * (topic configs, canary latency, broker capacity) into {@link dev.ballast.core.doctor.Incident}s
 * and one structured {@link dev.ballast.core.doctor.Fix}. Pure and deterministic: no I/O, no clock.
 */
package dev.ballast.core.doctor;
