/**
 * Remote workers from the command line: the {@code worker} command (one stateless worker process),
 * the control-plane options, forking local worker processes, opening remote workers for {@code load
 * run --workers}, and the worker supply of {@code marathon --workers} (one worker group reused
 * across tasks).
 */
package dev.ballast.app.worker;
