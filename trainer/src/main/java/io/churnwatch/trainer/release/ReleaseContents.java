package io.churnwatch.trainer.release;

import io.churnwatch.trainer.evaluation.ContenderMetrics;
import io.churnwatch.trainer.evaluation.ThresholdChoice;
import io.churnwatch.trainer.segments.SegmentModel;
import io.churnwatch.trainer.trainingset.TimeSplit;
import io.churnwatch.trainer.value.ValueModelParameters;
import java.time.Instant;
import java.util.List;

/** Everything a release is made of, before it becomes the Avro record. */
public record ReleaseContents(long version, Instant createdAt, TimeSplit split, List<String> featureNames,
                              byte[] churnModel, List<ContenderMetrics> metrics, ThresholdChoice threshold,
                              String thresholdRule, PromotionDecision promotion, SegmentModel segments,
                              ValueModelParameters valueModel) {
}
