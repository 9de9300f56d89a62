package io.churnwatch.streams.validation;

import java.time.Duration;
import java.time.Instant;

/**
 * @param maxFutureSkew how far beyond the wall clock an event time may be before it is rejected as
 *     {@link RejectReason#FUTURE_EVENT_TIME} (producers' clocks drift)
 * @param minEventTime event times before this are rejected as {@link RejectReason#EVENT_TIME_TOO_OLD}
 */
public record ValidationSettings(Duration maxFutureSkew, Instant minEventTime) {

    public static final Duration DEFAULT_MAX_FUTURE_SKEW = Duration.ofHours(24);
    public static final Instant DEFAULT_MIN_EVENT_TIME = Instant.parse("1990-01-01T00:00:00Z");

    public ValidationSettings {
        if (maxFutureSkew.isNegative()) {
            throw new IllegalArgumentException("the future skew must not be negative, got " + maxFutureSkew);
        }
        if (minEventTime.isBefore(Instant.EPOCH)) {
            // Time-indexed stores order keys by big-endian time, which needs times of 0 or more.
            throw new IllegalArgumentException("the earliest event time must be at or after 1970-01-01T00:00:00Z, got "
                    + minEventTime);
        }
    }

    public static ValidationSettings defaults() {
        return new ValidationSettings(DEFAULT_MAX_FUTURE_SKEW, DEFAULT_MIN_EVENT_TIME);
    }
}
