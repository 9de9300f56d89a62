package io.churnwatch.schemas.serde;

import io.churnwatch.schemas.registry.SchemaRegistryException;
import io.churnwatch.schemas.serde.WireFormatException.Reason;

/** Turns a registry's answer into the serde's single exception type, keeping the registry's message. */
final class RegistryFailures {

    private RegistryFailures() {
    }

    /** The registry could not give the writer schema of {@code schemaId}. */
    static WireFormatException readingSchema(String topic, int schemaId, SchemaRegistryException e) {
        if (e.isNotFound()) {
            return new WireFormatException(Reason.UNKNOWN_SCHEMA_ID, schemaId, "Schema id " + schemaId + " (topic '"
                    + topic + "') is not in the schema registry: the record was written against another registry,"
                    + " or this one lost its schemas. Registry said: " + e.getMessage(), e);
        }
        if (e.errorCode() == SchemaRegistryException.INVALID_SCHEMA) {
            return new WireFormatException(Reason.INCOMPATIBLE_SCHEMA, schemaId, "Schema id " + schemaId
                    + " from the registry is not usable: " + e.getMessage(), e);
        }
        return unavailable(schemaId, "fetching schema id " + schemaId + " for topic '" + topic + "'", e);
    }

    /** The registry refused to register, or could not find, the schema a record is written with. */
    static WireFormatException writingSchema(String subject, String schemaName, boolean autoRegister,
                                             SchemaRegistryException e) {
        if (e.isNotFound()) {
            return new WireFormatException(Reason.UNKNOWN_SCHEMA_ID, null, "Schema " + schemaName
                    + " is not registered under subject '" + subject + "' and auto.register.schemas is false:"
                    + " register it first (or enable auto-registration). Registry said: " + e.getMessage(), e);
        }
        if (e.errorCode() == SchemaRegistryException.INCOMPATIBLE_SCHEMA
                || e.errorCode() == SchemaRegistryException.INVALID_SCHEMA) {
            return new WireFormatException(Reason.INCOMPATIBLE_SCHEMA, null, "The registry rejected schema "
                    + schemaName + " for subject '" + subject + "' (new versions must read data written with the"
                    + " previous one: add fields with defaults, never rename or retype). Registry said: "
                    + e.getMessage(), e);
        }
        return unavailable(null, (autoRegister ? "registering " : "looking up ") + schemaName + " under subject '"
                + subject + "'", e);
    }

    private static WireFormatException unavailable(Integer schemaId, String doing, SchemaRegistryException e) {
        return new WireFormatException(Reason.REGISTRY_UNAVAILABLE, schemaId, "Schema registry failed while "
                + doing + ": " + e.getMessage(), e);
    }
}
