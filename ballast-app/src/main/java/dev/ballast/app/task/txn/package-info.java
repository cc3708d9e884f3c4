/**
 * The {@code transactions} task: transactional producers commit and abort known transactions under
 * a broker bounce while consumers read; its checkers judge isolation (no aborted or torn read),
 * exactly-once delivery of committed records, and hanging transactions.
 */
package dev.ballast.app.task.txn;
