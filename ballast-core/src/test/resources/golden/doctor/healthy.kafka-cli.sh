#!/usr/bin/env bash
# The Kafka part of the fix written by `ballast doctor`.
# Cluster: 3 broker(s), 6 partition(s); 0 incident(s).
#
# Nothing to run on Kafka: no incident calls for a reassignment, a leader
# election or a config change.
