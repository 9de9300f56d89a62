package io.churnwatch.streams.dedup;

import java.time.Duration;

/**
 * @param retention how long (in event time) an order id is remembered after its event time; a duplicate that
 *     arrives later than this is processed again
 * @param purgeInterval how often (in stream time) expired ids are purged
 */
public record DedupSettings(Duration retention, Duration purgeInterval) {

    public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);
    public static final Duration DEFAULT_PURGE_INTERVAL = Duration.ofHours(1);

    public static DedupSettings defaults() {
        return new DedupSettings(DEFAULT_RETENTION, DEFAULT_PURGE_INTERVAL);
    }
}
