#!/usr/bin/env bash
# Step 1 of the fix written by `ballast doctor`: nothing to change in MSK.
# Cluster: 3 broker(s), 6 partition(s); 0 incident(s).
# No incident calls for more brokers.
