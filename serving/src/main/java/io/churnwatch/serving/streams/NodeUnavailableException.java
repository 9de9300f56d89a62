package io.churnwatch.serving.streams;

/**
 * This instance cannot answer right now (not started, rebalancing, a store migrating): the client should retry
 * shortly, here or at another instance. Answered as 503 with {@code Retry-After}.
 */
public class NodeUnavailableException extends RuntimeException {

    public NodeUnavailableException(String message) {
        super(message);
    }

    public NodeUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
