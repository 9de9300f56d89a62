package io.churnwatch.scoring.segments;

import io.churnwatch.trainer.segments.SegmentFeatures;

/**
 * The segment a customer was last assigned, by which release, and the segmentation inputs when they entered it:
 * the "before" of the next change.
 */
public record SegmentMemory(String segment, long modelVersion, SegmentFeatures inputs) {
}
