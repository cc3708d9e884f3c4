/**
 * The one loop that runs long-lived work: an {@link dev.ballast.core.loop.Agent} does one bounded
 * step at a time, and an {@link dev.ballast.core.loop.AgentRunner} owns the thread, idles through
 * an injected {@link dev.ballast.core.loop.IdleStrategy} and asks an injected {@link
 * dev.ballast.core.loop.ErrorHandler} whether a failed step stops the loop (Agrona's shape). No
 * clock is read here: an agent that has a deadline reads its own injected clock.
 */
package dev.ballast.core.loop;
