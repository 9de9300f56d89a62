/**
 * Customer segments: k-means on standardised log-RFM features plus return rate, named by what each centroid
 * means, with names carried over from the previous release so that "Champions" stays "Champions" across
 * retrains. The trainer calls {@link io.churnwatch.trainer.segments.SegmentTrainer}; the scorer needs only
 * {@link io.churnwatch.trainer.segments.SegmentModel#assign}.
 */
package io.churnwatch.trainer.segments;
