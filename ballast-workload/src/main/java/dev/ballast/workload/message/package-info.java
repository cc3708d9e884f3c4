/** What each message looks like: its continuity headers, its size, its key and its partition. */
package dev.ballast.workload.message;
