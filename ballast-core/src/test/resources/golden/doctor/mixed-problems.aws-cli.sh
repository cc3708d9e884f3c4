#!/usr/bin/env bash
# Step 1 of the fix written by `ballast doctor`: nothing to change in MSK.
# Cluster: 3 broker(s), 12 partition(s); 6 incident(s):
#   min-isr-payments (high): topic payments has min.insync.replicas=3 above its replication factor 2
#   under-min-isr (high): UnderMinIsrPartitionCount = 3
#   imbalance (medium): network-out,messages,leaders outside the +-10% band (worst max/mean 2.33)
#   rf1-scratch (medium): topic scratch has replication factor 1 while the cluster replicates
#   unclean-election-orders (medium): topic orders allows unclean leader election
#   leader-skew (low): 4 partition(s) led away from their preferred leader on broker(s) 1,2 (threshold 10%)
# No incident calls for more brokers; the fix runs on Kafka itself: ballast doctor --format kafka-cli
