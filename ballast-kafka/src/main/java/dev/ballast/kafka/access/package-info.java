/**
 * What Ballast may do on a cluster: the permissions it needs, the principal it runs as, and the
 * one-line refusals (what is missing, what to grant) that authorization errors become.
 */
package dev.ballast.kafka.access;
