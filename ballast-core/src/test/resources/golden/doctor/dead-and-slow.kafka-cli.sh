#!/usr/bin/env bash
# The Kafka part of the fix written by `ballast doctor`.
# Cluster: 4 broker(s), 8 partition(s); 2 incident(s):
#   dead-broker-3 (high): broker 3 is dead (or fenced) and still holds replicas
#   slow-broker-2 (medium): canary produce latency 250 ms on broker 2, 6 ms median on its peers
#
# Needs Kafka's tools on PATH (kafka-reassign-partitions.sh, kafka-leader-election.sh,
# kafka-configs.sh). Read it before running it: every step says what it changes.
set -euo pipefail

BOOTSTRAP="${BOOTSTRAP:-kafka-0.internal:9092}"
# Replication throttle (bytes/s) while replicas are copied; --verify removes it when a
# batch completes.
THROTTLE="${THROTTLE:-10485760}" # 10.0 MiB/s
CONNECTION=(--bootstrap-server "$BOOTSTRAP")
ELECTION_CONNECTION=(--bootstrap-server "$BOOTSTRAP")

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

# Step 2: rebalance:
# 4 replica move(s), 0 leadership transfer(s), 4 partition(s) changed, 4.0 GiB to copy; hard-goal repairs first (dead-broker 4).
# 1 batch(es) of at most 10 partitions, one after the other.
# Stop a running batch N:  kafka-reassign-partitions.sh "${CONNECTION[@]}" --reassignment-json-file ballast-reassign-N.json --cancel
# Undo a finished batch N: kafka-reassign-partitions.sh "${CONNECTION[@]}" --reassignment-json-file ballast-reassign-N-rollback.json --execute --throttle "$THROTTLE"

# Batch 1/1: 4 partition(s), 4.0 GiB to copy.
cat > ballast-reassign-1.json <<'JSON'
{"version": 1, "partitions": [
  {"topic": "events", "partition": 2, "replicas": [1, 2], "log_dirs": ["any", "any"]},
  {"topic": "events", "partition": 3, "replicas": [0, 1], "log_dirs": ["any", "any"]},
  {"topic": "events", "partition": 6, "replicas": [0, 2], "log_dirs": ["any", "any"]},
  {"topic": "events", "partition": 7, "replicas": [1, 0], "log_dirs": ["any", "any"]}
]}
JSON
cat > ballast-reassign-1-rollback.json <<'JSON'
{"version": 1, "partitions": [
  {"topic": "events", "partition": 2, "replicas": [2, 3], "log_dirs": ["any", "any"]},
  {"topic": "events", "partition": 3, "replicas": [3, 0], "log_dirs": ["any", "any"]},
  {"topic": "events", "partition": 6, "replicas": [2, 3], "log_dirs": ["any", "any"]},
  {"topic": "events", "partition": 7, "replicas": [3, 0], "log_dirs": ["any", "any"]}
]}
JSON
kafka-reassign-partitions.sh "${CONNECTION[@]}" --reassignment-json-file ballast-reassign-1.json --execute --throttle "$THROTTLE"
wait_for_reassignment ballast-reassign-1.json

# Step 3: preferred leader election on 3 partition(s), so each is led by the first broker of its replica list.
cat > ballast-elect.json <<'JSON'
{"partitions": [
  {"topic": "events", "partition": 2},
  {"topic": "events", "partition": 6},
  {"topic": "events", "partition": 7}
]}
JSON
kafka-leader-election.sh "${ELECTION_CONNECTION[@]}" --election-type PREFERRED --path-to-json-file ballast-elect.json
