/**
 * The task framework behind {@code marathon} and {@code demo}: a {@link dev.ballast.app.task.Task}
 * with a typed YAML config and four phases (prepare, warm-up, workload, cleanup), a runner that
 * advances the phases on an injected clock with timeouts and interruption, pure {@link
 * dev.ballast.app.task.Checker}s that judge a {@link dev.ballast.app.task.RecordedRun} and return
 * {@link dev.ballast.app.task.Verdict}s, and the {@link dev.ballast.app.task.Event}s (with a {@link
 * dev.ballast.app.task.Severity}) that alerts and reports are made from.
 *
 * <p>Writing a task: implement {@link dev.ballast.app.task.Task}, a config record, and a {@link
 * dev.ballast.app.task.TaskType} that binds them under a name; list the type's class in {@code
 * META-INF/services/dev.ballast.app.task.TaskType}. Checkers the same way with {@link
 * dev.ballast.app.task.CheckerType}. Nothing else needs to change for the YAML to accept the name.
 *
 * <p>The marathon YAML ({@code examples/marathon.yaml}):
 *
 * <pre>{@code
 * tasks:
 *   - type: catch-up-read        # a TaskType name
 *     name: catch-up-read        # optional; defaults to the type; unique in the file
 *     timeout: 20m               # optional; the whole task, cleanup included
 *     phaseTimeouts: {prepare: 2m, warm-up: 1m, workload: 15m, cleanup: 2m}   # optional
 *     config:                    # bound to the TaskType's config record; unknown fields rejected
 *       backlog: 1GiB
 *     checkers:                  # optional extra checkers (CheckerType names)
 *       - type: my-check
 *         config: {limit: 3}
 * }</pre>
 */
package dev.ballast.app.task;
