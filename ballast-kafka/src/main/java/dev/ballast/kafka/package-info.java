/** Adapters over the Kafka Admin, Producer and Consumer APIs. */
package dev.ballast.kafka;
