package io.churnwatch.streams.validation;

import io.churnwatch.schemas.OrderEvent;

/** What validation makes of one raw record: a usable order, or the original bytes bound for the DLQ. */
public sealed interface Validated {

    /**
     * A decoded order that passed every check.
     *
     * @param alreadyPlaced whether the record already sits in the partition its customer id maps to, so that it
     *     need not be repartitioned (see {@link io.churnwatch.streams.partitioning.CustomerPartitioning})
     */
    record Accepted(OrderEvent order, boolean alreadyPlaced) implements Validated {
    }

    /** The original value bytes (the DLQ headers travel on the record). */
    record Rejected(byte[] originalValue) implements Validated {
    }
}
