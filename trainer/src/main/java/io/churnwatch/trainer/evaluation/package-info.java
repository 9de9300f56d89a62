/**
 * Holdout metrics for churn contenders, exact and tie-aware: equal scores are never split by input order, each
 * metric treats a group of tied scores as one step (or, for a cut that falls inside a group, by its expectation
 * over random tie-breaking). "Positive" means the customer churned: no purchase within the horizon.
 */
package io.churnwatch.trainer.evaluation;
