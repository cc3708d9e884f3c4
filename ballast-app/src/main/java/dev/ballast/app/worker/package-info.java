/**
 * Remote workers from the command line: the {@code worker} command (one stateless worker process),
 * the control-plane options, forking local worker processes, and opening remote workers for {@code
 * load run --workers}.
 */
package dev.ballast.app.worker;
