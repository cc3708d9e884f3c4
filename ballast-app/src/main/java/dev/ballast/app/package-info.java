/** Wiring of Ballast: the CLI entry point and the commands. */
package dev.ballast.app;
