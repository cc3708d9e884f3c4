#!/usr/bin/env bash
# Step 1 of the fix written by `ballast doctor`: grow the MSK cluster from 2 to 4 brokers.
# Cluster: 2 broker(s), 12 partition(s); 1 incident(s):
#   capacity-insufficient (high): UnderReplicatedPartitions = 6, persistent; broker(s) 0,1 above 80% of network capacity
# Why 4: 192.0 MiB/s in and 192.0 MiB/s out at 70% of 100.0 MiB/s per broker need 3; rounded up to 4, a multiple of 2 zone(s).
# MSK needs the new total (not the number to add), a multiple of the 2 availability zone(s).
# MSK adds brokers but moves no partition onto them: run step 2
# (ballast doctor --format kafka-cli) when this script has finished.
set -euo pipefail

CLUSTER_ARN="${CLUSTER_ARN:-arn:aws:kafka:us-east-1:123456789012:cluster/demo/0b1c2d3e-4f50-6a7b-8c9d-0e1f2a3b4c5d-2}"
TARGET=4

BROKERS_NOW="$(aws kafka describe-cluster --cluster-arn "$CLUSTER_ARN" --query 'ClusterInfo.NumberOfBrokerNodes' --output text)"
if [ "$BROKERS_NOW" -ge "$TARGET" ]; then
  echo "the cluster already has $BROKERS_NOW brokers; nothing to do"
  exit 0
fi

# update-broker-count needs the cluster's current version (an optimistic lock).
CURRENT_VERSION="$(aws kafka describe-cluster --cluster-arn "$CLUSTER_ARN" --query 'ClusterInfo.CurrentVersion' --output text)"

OPERATION_ARN="$(aws kafka update-broker-count \
  --cluster-arn "$CLUSTER_ARN" \
  --current-version "$CURRENT_VERSION" \
  --target-number-of-broker-nodes "$TARGET" \
  --query 'ClusterOperationArn' --output text)"
echo "update-broker-count started: $OPERATION_ARN"

# Wait until MSK has added the brokers.
while :; do
  STATE="$(aws kafka describe-cluster-operation --cluster-operation-arn "$OPERATION_ARN" --query 'ClusterOperationInfo.OperationState' --output text)"
  echo "$(date -u +%H:%M:%S) $STATE"
  case "$STATE" in
    UPDATE_COMPLETE) break ;;
    UPDATE_FAILED)
      aws kafka describe-cluster-operation --cluster-operation-arn "$OPERATION_ARN" --query 'ClusterOperationInfo.ErrorInfo' >&2
      exit 1 ;;
  esac
  sleep 60
done
echo "the cluster now has $TARGET brokers; run step 2: ballast doctor --format kafka-cli"
