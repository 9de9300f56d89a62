package io.churnwatch.streams.validation;

import io.churnwatch.schemas.serde.WireFormatException;

/**
 * Why an order went to {@code orders-dlq}. The name is the stable code written to the {@code dlq.reason}
 * header and used in metric names; never rename one, add new ones instead.
 */
public enum RejectReason {
    /** A null value (a tombstone) where an order was expected. */
    NULL_VALUE,
    UNDECODABLE_EMPTY,
    UNDECODABLE_TOO_SHORT,
    UNDECODABLE_UNKNOWN_MAGIC_BYTE,
    UNDECODABLE_UNKNOWN_SCHEMA_ID,
    UNDECODABLE_MALFORMED_AVRO,
    UNDECODABLE_INCOMPATIBLE_SCHEMA,
    MISSING_ORDER_ID,
    MISSING_CUSTOMER_ID,
    NO_LINES,
    MISSING_SKU,
    ZERO_QUANTITY,
    NEGATIVE_QUANTITY,
    NON_POSITIVE_PRICE,
    MISSING_CURRENCY,
    /** Event time more than the allowed skew beyond the wall clock. */
    FUTURE_EVENT_TIME,
    /** Event time before the configured earliest plausible instant (epoch 0, garbage clocks). */
    EVENT_TIME_TOO_OLD;

    /** The DLQ reason for bytes the Avro deserializer refused. Registry outages are not a property of the record. */
    public static RejectReason undecodable(WireFormatException.Reason reason) {
        return switch (reason) {
            case EMPTY -> UNDECODABLE_EMPTY;
            case TOO_SHORT -> UNDECODABLE_TOO_SHORT;
            case UNKNOWN_MAGIC_BYTE -> UNDECODABLE_UNKNOWN_MAGIC_BYTE;
            case UNKNOWN_SCHEMA_ID -> UNDECODABLE_UNKNOWN_SCHEMA_ID;
            case MALFORMED_AVRO -> UNDECODABLE_MALFORMED_AVRO;
            case INCOMPATIBLE_SCHEMA -> UNDECODABLE_INCOMPATIBLE_SCHEMA;
            case REGISTRY_UNAVAILABLE -> throw new IllegalArgumentException(
                    "a registry outage is transient and must be retried, not dead-lettered");
        };
    }

    /** The metric operation name, e.g. {@code dlq-missing-customer-id}. */
    public String metricName() {
        return "dlq-" + name().toLowerCase().replace('_', '-');
    }
}
