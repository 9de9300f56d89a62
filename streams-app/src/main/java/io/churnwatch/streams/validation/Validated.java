package io.churnwatch.streams.validation;

import io.churnwatch.schemas.OrderEvent;

/** What validation makes of one raw record: a usable order, or the original bytes bound for the DLQ. */
public sealed interface Validated {

    /** A decoded order that passed every check. */
    record Accepted(OrderEvent order) implements Validated {
    }

    /** The original value bytes (the DLQ headers travel on the record). */
    record Rejected(byte[] originalValue) implements Validated {
    }
}
