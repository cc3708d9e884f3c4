/**
 * {@code ballast doctor}: reads a snapshot or a live cluster, runs the doctor of ballast-core and
 * prints the fix in the chosen format; {@code --apply} runs the Kafka part through the executor.
 */
package dev.ballast.app.doctor;
