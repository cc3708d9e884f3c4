/**
 * The HTTP side of the balancer: Prometheus {@code /metrics}, the JSON API under {@code /api/}, the
 * single-page dashboard at {@code /}, and the {@code serve} command that runs them.
 */
package dev.ballast.app.http;
