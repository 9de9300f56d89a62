package io.churnwatch.streams.dedup;

import java.time.Duration;

/**
 * @param retention how long (in event time) an order id is remembered after its event time; a duplicate that
 *     arrives later than this is processed again
 */
public record DedupSettings(Duration retention) {

    public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);

    public DedupSettings {
        if (retention.isZero() || retention.isNegative()) {
            throw new IllegalArgumentException("the de-duplication retention must be positive, got " + retention);
        }
    }

    public static DedupSettings defaults() {
        return new DedupSettings(DEFAULT_RETENTION);
    }
}
