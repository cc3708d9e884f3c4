/**
 * The tasks and checkers Ballast ships for the marathon: {@code catch-up-read} and {@code
 * throughput}, and the checkers other tasks reuse (continuity: every acknowledged message read
 * exactly once).
 */
package dev.ballast.app.task.builtin;
