package io.churnwatch.schemas.serde;

import java.util.OptionalInt;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The one exception the Avro serde raises for bytes (or records) it cannot handle. Topologies route the
 * record to a dead-letter topic by {@link #reason()}; the message says what to do about it.
 */
public class WireFormatException extends SerializationException {

    /** Why a record could not be (de)serialized. */
    public enum Reason {
        /** Zero bytes: not a tombstone (that is {@code null}), and not a record either. */
        EMPTY,
        /** Fewer than the 5 header bytes (magic byte and schema id). */
        TOO_SHORT,
        /** The first byte is not 0x00: not the Confluent wire format (plain JSON, raw Avro, another serde). */
        UNKNOWN_MAGIC_BYTE,
        /** The registry has no schema with this id, or (when writing) the schema is not registered. */
        UNKNOWN_SCHEMA_ID,
        /** The Avro body does not decode with its writer schema, or has bytes left over after the record. */
        MALFORMED_AVRO,
        /** The writer schema cannot be read as the expected type, or the registry rejected a schema. */
        INCOMPATIBLE_SCHEMA,
        /** The registry could not be reached or failed: retrying later may succeed. */
        REGISTRY_UNAVAILABLE
    }

    private final Reason reason;
    private final Integer schemaId;

    public WireFormatException(Reason reason, Integer schemaId, String message) {
        this(reason, schemaId, message, null);
    }

    public WireFormatException(Reason reason, Integer schemaId, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.schemaId = schemaId;
    }

    public Reason reason() {
        return reason;
    }

    /** The schema id of the header (or of the registration), when it got that far. */
    public OptionalInt schemaId() {
        return schemaId == null ? OptionalInt.empty() : OptionalInt.of(schemaId);
    }
}
