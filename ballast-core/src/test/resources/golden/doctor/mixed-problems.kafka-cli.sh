#!/usr/bin/env bash
# The Kafka part of the fix written by `ballast doctor`.
# Cluster: 3 broker(s), 12 partition(s); 6 incident(s):
#   min-isr-payments (high): topic payments has min.insync.replicas=3 above its replication factor 2
#   under-min-isr (high): UnderMinIsrPartitionCount = 3
#   imbalance (medium): network-out,messages,leaders outside the +-10% band (worst max/mean 2.33)
#   rf1-scratch (medium): topic scratch has replication factor 1 while the cluster replicates
#   unclean-election-orders (medium): topic orders allows unclean leader election
#   leader-skew (low): 4 partition(s) led away from their preferred leader on broker(s) 1,2 (threshold 10%)
#
# Needs Kafka's tools on PATH (kafka-reassign-partitions.sh, kafka-leader-election.sh,
# kafka-configs.sh). Read it before running it: every step says what it changes.
set -euo pipefail

BOOTSTRAP="${BOOTSTRAP:?set BOOTSTRAP to host:port of a broker}"
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
# 0 replica move(s), 4 leadership transfer(s), 4 partition(s) changed, 0 B to copy; busiest broker over the mean 2.33 -> 1.00.
# 1 batch(es) of at most 10 partitions, one after the other.
# Stop a running batch N:  kafka-reassign-partitions.sh "${CONNECTION[@]}" --reassignment-json-file ballast-reassign-N.json --cancel
# Undo a finished batch N: kafka-reassign-partitions.sh "${CONNECTION[@]}" --reassignment-json-file ballast-reassign-N-rollback.json --execute --throttle "$THROTTLE"

# Batch 1/1: 3 partition(s), 0 B to copy.
cat > ballast-reassign-1.json <<'JSON'
{"version": 1, "partitions": [
  {"topic": "orders", "partition": 0, "replicas": [1, 0, 2], "log_dirs": ["any", "any", "any"]},
  {"topic": "orders", "partition": 1, "replicas": [2, 1, 0], "log_dirs": ["any", "any", "any"]},
  {"topic": "orders", "partition": 3, "replicas": [1, 0, 2], "log_dirs": ["any", "any", "any"]}
]}
JSON
cat > ballast-reassign-1-rollback.json <<'JSON'
{"version": 1, "partitions": [
  {"topic": "orders", "partition": 0, "replicas": [0, 1, 2], "log_dirs": ["any", "any", "any"]},
  {"topic": "orders", "partition": 1, "replicas": [1, 2, 0], "log_dirs": ["any", "any", "any"]},
  {"topic": "orders", "partition": 3, "replicas": [0, 1, 2], "log_dirs": ["any", "any", "any"]}
]}
JSON
kafka-reassign-partitions.sh "${CONNECTION[@]}" --reassignment-json-file ballast-reassign-1.json --execute --throttle "$THROTTLE"
wait_for_reassignment ballast-reassign-1.json

# Step 3: preferred leader election on 6 partition(s), so each is led by the first broker of its replica list.
cat > ballast-elect.json <<'JSON'
{"partitions": [
  {"topic": "orders", "partition": 0},
  {"topic": "orders", "partition": 1},
  {"topic": "orders", "partition": 2},
  {"topic": "orders", "partition": 3},
  {"topic": "orders", "partition": 4},
  {"topic": "orders", "partition": 5}
]}
JSON
kafka-leader-election.sh "${ELECTION_CONNECTION[@]}" --election-type PREFERRED --path-to-json-file ballast-elect.json

# Step 4: topic configs.
# orders: unclean.leader.election.enable true -> false
kafka-configs.sh "${CONNECTION[@]}" --alter --entity-type topics --entity-name orders --add-config unclean.leader.election.enable=false
# payments: min.insync.replicas 3 -> 1
kafka-configs.sh "${CONNECTION[@]}" --alter --entity-type topics --entity-name payments --add-config min.insync.replicas=1

# Step 5: add replicas to RF=1 partitions (delete this step for topics that are meant to be disposable):
# 3 partition(s), 6.0 GiB to copy.
# 1 batch(es) of at most 10 partitions, one after the other.
# Stop a running batch N:  kafka-reassign-partitions.sh "${CONNECTION[@]}" --reassignment-json-file ballast-replicas-N.json --cancel
# Undo a finished batch N: kafka-reassign-partitions.sh "${CONNECTION[@]}" --reassignment-json-file ballast-replicas-N-rollback.json --execute --throttle "$THROTTLE"

# Batch 1/1: 3 partition(s), 6.0 GiB to copy.
cat > ballast-replicas-1.json <<'JSON'
{"version": 1, "partitions": [
  {"topic": "scratch", "partition": 0, "replicas": [0, 1, 2], "log_dirs": ["any", "any", "any"]},
  {"topic": "scratch", "partition": 1, "replicas": [1, 0, 2], "log_dirs": ["any", "any", "any"]},
  {"topic": "scratch", "partition": 2, "replicas": [2, 0, 1], "log_dirs": ["any", "any", "any"]}
]}
JSON
cat > ballast-replicas-1-rollback.json <<'JSON'
{"version": 1, "partitions": [
  {"topic": "scratch", "partition": 0, "replicas": [0], "log_dirs": ["any"]},
  {"topic": "scratch", "partition": 1, "replicas": [1], "log_dirs": ["any"]},
  {"topic": "scratch", "partition": 2, "replicas": [2], "log_dirs": ["any"]}
]}
JSON
kafka-reassign-partitions.sh "${CONNECTION[@]}" --reassignment-json-file ballast-replicas-1.json --execute --throttle "$THROTTLE"
wait_for_reassignment ballast-replicas-1.json
