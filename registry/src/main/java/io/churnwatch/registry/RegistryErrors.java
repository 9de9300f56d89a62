package io.churnwatch.registry;

import io.churnwatch.schemas.registry.SchemaRegistryException;

/**
 * The errors the registry answers, with Confluent's error codes and HTTP statuses, so that clients written for
 * Confluent's registry react the same way to ours.
 */
final class RegistryErrors {

    /** The version number is not a positive integer nor "latest". */
    static final int INVALID_VERSION = 42202;
    /** The compatibility level is not one we know. */
    static final int INVALID_COMPATIBILITY_LEVEL = 42203;
    /** GET /config/{subject} on a subject that has no level of its own (Confluent's 40408). */
    static final int SUBJECT_LEVEL_COMPATIBILITY_NOT_CONFIGURED = 40408;
    /** The request body is not JSON, or not the JSON we expect. */
    static final int BAD_REQUEST = 400;
    static final int NOT_FOUND = 404;
    static final int METHOD_NOT_ALLOWED = 405;
    /** An unexpected failure inside the registry (a bug), as opposed to a store failure. */
    static final int INTERNAL_ERROR = 500;

    private RegistryErrors() {
    }

    static SchemaRegistryException subjectNotFound(String subject) {
        return SchemaRegistryException.subjectNotFound(subject);
    }

    static SchemaRegistryException versionNotFound(String subject, int version) {
        return new SchemaRegistryException(404, SchemaRegistryException.VERSION_NOT_FOUND,
                "Version " + version + " not found under subject '" + subject + "'.");
    }

    static SchemaRegistryException schemaNotFound(String message) {
        return SchemaRegistryException.schemaNotFound(message);
    }

    static SchemaRegistryException invalidSchema(String message) {
        return new SchemaRegistryException(422, SchemaRegistryException.INVALID_SCHEMA, message);
    }

    static SchemaRegistryException invalidVersion(String version) {
        return new SchemaRegistryException(422, INVALID_VERSION, "The specified version '" + version
                + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\".");
    }

    static SchemaRegistryException invalidCompatibilityLevel(String message) {
        return new SchemaRegistryException(422, INVALID_COMPATIBILITY_LEVEL, message);
    }

    static SchemaRegistryException incompatible(String message) {
        return new SchemaRegistryException(409, SchemaRegistryException.INCOMPATIBLE_SCHEMA, message);
    }

    static SchemaRegistryException subjectLevelNotConfigured(String subject) {
        return new SchemaRegistryException(404, SUBJECT_LEVEL_COMPATIBILITY_NOT_CONFIGURED, "Subject '" + subject
                + "' does not have subject-level compatibility configured (add ?defaultToGlobal=true for the"
                + " global level).");
    }

    static SchemaRegistryException storeError(String message, Throwable cause) {
        return new SchemaRegistryException(500, SchemaRegistryException.STORE_ERROR, message, cause);
    }

    static SchemaRegistryException badRequest(String message) {
        return new SchemaRegistryException(400, BAD_REQUEST, message);
    }

    static SchemaRegistryException routeNotFound(String method, String path) {
        return new SchemaRegistryException(404, NOT_FOUND, "No endpoint " + method + " " + path
                + " in this schema registry.");
    }

    static SchemaRegistryException methodNotAllowed(String method, String path) {
        return new SchemaRegistryException(405, METHOD_NOT_ALLOWED, "Method " + method + " is not allowed on "
                + path + ".");
    }
}
