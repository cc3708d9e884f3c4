/** The pure planning core: cluster model, load, goals, optimizer and plans; no I/O, no clock. */
package dev.ballast.core;
