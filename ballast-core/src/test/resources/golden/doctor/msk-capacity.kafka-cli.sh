#!/usr/bin/env bash
# The Kafka part of the fix written by `ballast doctor`.
# Cluster: 2 broker(s), 12 partition(s); 1 incident(s):
#   capacity-insufficient (high): UnderReplicatedPartitions = 6, persistent; broker(s) 0,1 above 80% of network capacity
#
# Needs Kafka's tools on PATH (kafka-reassign-partitions.sh, kafka-leader-election.sh,
# kafka-configs.sh). Read it before running it: every step says what it changes.
set -euo pipefail

BOOTSTRAP="${BOOTSTRAP:-b-1.demo.kafka.us-east-1.amazonaws.com:9098}"
# Replication throttle (bytes/s) while replicas are copied; --verify removes it when a
# batch completes.
THROTTLE="${THROTTLE:-10485760}" # 10.0 MiB/s
CONNECTION=(--bootstrap-server "$BOOTSTRAP" --command-config client.properties)
ELECTION_CONNECTION=(--bootstrap-server "$BOOTSTRAP" --admin.config client.properties)

# Polls --verify until no partition of the batch is still moving.
wait_for_reassignment() {
  local out
  while :; do
    out="$(kafka-reassign-partitions.sh "${CONNECTION[@]}" --reassignment-json-file "$1" --verify)"
    echo "$out"
    case "$out" in
      *"still in progress"*) sleep 10 ;;
      *) return 0 ;;
    esac
  done
}

# Step 1 is not in this script: grow the cluster from 2 to 4 brokers first
# (ballast doctor --format aws-cli | terraform | pulumi | strimzi). The reassignments
# below expect the new brokers to have ids 2,3; Kafka rejects them while those brokers
# do not exist. If the new brokers got other ids, run the doctor again.

# Step 2: rebalance:
# 12 replica move(s), 0 leadership transfer(s), 6 partition(s) changed, 12.0 GiB to copy; busiest broker over the mean 2.00 -> 1.00.
# 1 batch(es) of at most 10 partitions, one after the other.
# Stop a running batch N:  kafka-reassign-partitions.sh "${CONNECTION[@]}" --reassignment-json-file ballast-reassign-N.json --cancel
# Undo a finished batch N: kafka-reassign-partitions.sh "${CONNECTION[@]}" --reassignment-json-file ballast-reassign-N-rollback.json --execute --throttle "$THROTTLE"

# Batch 1/1: 6 partition(s), 12.0 GiB to copy.
cat > ballast-reassign-1.json <<'JSON'
{"version": 1, "partitions": [
  {"topic": "stress-test", "partition": 0, "replicas": [2, 3], "log_dirs": ["any", "any"]},
  {"topic": "stress-test", "partition": 1, "replicas": [3, 2], "log_dirs": ["any", "any"]},
  {"topic": "stress-test", "partition": 2, "replicas": [2, 3], "log_dirs": ["any", "any"]},
  {"topic": "stress-test", "partition": 3, "replicas": [3, 2], "log_dirs": ["any", "any"]},
  {"topic": "stress-test", "partition": 4, "replicas": [2, 3], "log_dirs": ["any", "any"]},
  {"topic": "stress-test", "partition": 5, "replicas": [3, 2], "log_dirs": ["any", "any"]}
]}
JSON
cat > ballast-reassign-1-rollback.json <<'JSON'
{"version": 1, "partitions": [
  {"topic": "stress-test", "partition": 0, "replicas": [0, 1], "log_dirs": ["any", "any"]},
  {"topic": "stress-test", "partition": 1, "replicas": [1, 0], "log_dirs": ["any", "any"]},
  {"topic": "stress-test", "partition": 2, "replicas": [0, 1], "log_dirs": ["any", "any"]},
  {"topic": "stress-test", "partition": 3, "replicas": [1, 0], "log_dirs": ["any", "any"]},
  {"topic": "stress-test", "partition": 4, "replicas": [0, 1], "log_dirs": ["any", "any"]},
  {"topic": "stress-test", "partition": 5, "replicas": [1, 0], "log_dirs": ["any", "any"]}
]}
JSON
kafka-reassign-partitions.sh "${CONNECTION[@]}" --reassignment-json-file ballast-reassign-1.json --execute --throttle "$THROTTLE"
wait_for_reassignment ballast-reassign-1.json

# Step 3: preferred leader election on 6 partition(s), so each is led by the first broker of its replica list.
cat > ballast-elect.json <<'JSON'
{"partitions": [
  {"topic": "stress-test", "partition": 0},
  {"topic": "stress-test", "partition": 1},
  {"topic": "stress-test", "partition": 2},
  {"topic": "stress-test", "partition": 3},
  {"topic": "stress-test", "partition": 4},
  {"topic": "stress-test", "partition": 5}
]}
JSON
kafka-leader-election.sh "${ELECTION_CONNECTION[@]}" --election-type PREFERRED --path-to-json-file ballast-elect.json
