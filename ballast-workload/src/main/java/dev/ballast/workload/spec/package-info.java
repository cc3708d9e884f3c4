/**
 * Workloads as YAML data: topics, producers, consumers, rates, sizes, keys, skew, duration and
 * warm-up, bound to validated records; errors name the field and its line.
 */
package dev.ballast.workload.spec;
