package io.churnwatch.broker;

/** The broker could not be started; the message says why and what to do about it. */
public class BrokerStartException extends RuntimeException {

    public BrokerStartException(String message) {
        super(message);
    }

    public BrokerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
