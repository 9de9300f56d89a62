package io.churnwatch.schemas.registry;

/**
 * An error answered by a schema registry (Confluent's {@code {"error_code","message"}}), or the registry not
 * answering at all ({@link #isUnavailable()}).
 *
 * <p>The error codes are Confluent's, so that clients of either registry (ours or Confluent's) can react alike.
 */
public class SchemaRegistryException extends RuntimeException {

    /** The subject has no versions. */
    public static final int SUBJECT_NOT_FOUND = 40401;
    /** The subject exists but has no such version. */
    public static final int VERSION_NOT_FOUND = 40402;
    /** No schema with this id, or the schema is not registered under the subject. */
    public static final int SCHEMA_NOT_FOUND = 40403;
    /** The schema text is not a valid Avro schema. */
    public static final int INVALID_SCHEMA = 42201;
    /** The subject's compatibility rule rejects the schema. */
    public static final int INCOMPATIBLE_SCHEMA = 409;
    /** The registry failed to store or read its data. */
    public static final int STORE_ERROR = 50001;

    /** The code used when no response arrived (connection refused, timeout): not a Confluent code. */
    public static final int NO_RESPONSE = -1;

    private final int httpStatus;
    private final int errorCode;

    public SchemaRegistryException(int httpStatus, int errorCode, String message) {
        this(httpStatus, errorCode, message, null);
    }

    public SchemaRegistryException(int httpStatus, int errorCode, String message, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    /** The registry could not be reached or did not answer in time. */
    public static SchemaRegistryException unreachable(String message, Throwable cause) {
        return new SchemaRegistryException(0, NO_RESPONSE, message, cause);
    }

    public static SchemaRegistryException subjectNotFound(String subject) {
        return new SchemaRegistryException(404, SUBJECT_NOT_FOUND, "Subject '" + subject + "' not found.");
    }

    public static SchemaRegistryException schemaNotFound(String message) {
        return new SchemaRegistryException(404, SCHEMA_NOT_FOUND, message);
    }

    /** The HTTP status of the answer, or 0 when none arrived. */
    public int httpStatus() {
        return httpStatus;
    }

    /** Confluent's {@code error_code} (e.g. {@link #SCHEMA_NOT_FOUND}), or {@link #NO_RESPONSE}. */
    public int errorCode() {
        return errorCode;
    }

    /** True when retrying later may succeed: no answer at all, or a server-side (5xx) failure. */
    public boolean isUnavailable() {
        return httpStatus == 0 || httpStatus >= 500;
    }

    /** True for "no such schema, subject or version" answers. */
    public boolean isNotFound() {
        return errorCode == SUBJECT_NOT_FOUND || errorCode == VERSION_NOT_FOUND || errorCode == SCHEMA_NOT_FOUND;
    }
}
