package io.churnwatch.trainer;

import io.churnwatch.schemas.ModelRelease;
import io.churnwatch.trainer.report.TrainingReport;

/** A training run's result: the release to publish (promoted or not) and the report that explains it. */
public record TrainingOutcome(ModelRelease release, TrainingReport report) {
}
