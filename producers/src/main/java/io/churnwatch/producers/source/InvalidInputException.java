package io.churnwatch.producers.source;

/** The input as a whole cannot be read: unknown header, unreadable file. Single bad rows are skipped instead. */
public class InvalidInputException extends RuntimeException {
    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
