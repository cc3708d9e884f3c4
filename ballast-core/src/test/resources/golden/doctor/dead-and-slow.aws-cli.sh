#!/usr/bin/env bash
# Step 1 of the fix written by `ballast doctor`: nothing to change in MSK.
# Cluster: 4 broker(s), 8 partition(s); 2 incident(s):
#   dead-broker-3 (high): broker 3 is dead (or fenced) and still holds replicas
#   slow-broker-2 (medium): canary produce latency 250 ms on broker 2, 6 ms median on its peers
# No incident calls for more brokers; the fix runs on Kafka itself: ballast doctor --format kafka-cli
