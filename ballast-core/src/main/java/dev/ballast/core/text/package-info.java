/** Words for users: what went wrong with a file they named. Pure functions, no I/O. */
package dev.ballast.core.text;
