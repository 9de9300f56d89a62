package io.churnwatch.trainer.segments;

/**
 * A segment described in the customers' own units, for people reading a release: medians rather than means,
 * because recency, frequency and spend are heavily skewed.
 */
public record SegmentProfile(String name, long size, double share, double medianRecencyDays, double medianFrequency,
                             double medianMonetary, double medianReturnRate) {
}
