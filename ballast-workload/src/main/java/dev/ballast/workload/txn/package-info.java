/**
 * Transactions in the workload engine: transactional producers that commit and abort known
 * transactions, consumers that record what they read, and a pure checker of isolation (no aborted
 * record read, no committed transaction torn, every committed record exactly once) and of last
 * stable offsets stuck behind the high watermark (hanging transactions).
 */
package dev.ballast.workload.txn;
