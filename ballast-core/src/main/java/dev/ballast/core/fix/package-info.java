/**
 * Fix renderers: turn a {@link dev.ballast.core.doctor.Diagnosis} into the text operators apply
 * (reassignment JSON and Kafka CLI scripts, AWS CLI, Terraform, Pulumi, Strimzi) or read (a report,
 * JSON). Pure: they take values and return strings; writing files is the caller's job.
 */
package dev.ballast.core.fix;
