/**
 * Remote workers from the command line: the {@code worker} command (one stateless worker process),
 * the control-plane options, forking local worker processes, opening remote workers for {@code load
 * run --workers}, the worker supply of {@code marathon --workers} (one worker group reused across
 * tasks), and the workers of {@code demo --workers} (a supply per scenario cluster, the control
 * topics out of the scenarios' reach).
 */
package dev.ballast.app.worker;
