package io.churnwatch.producers.publish;

/**
 * What happened to the events handed to an {@link OrderPublisher}.
 *
 * @param attempted    events given to the producer
 * @param acknowledged events the brokers confirmed
 * @param failed       events that could not be serialised or were not confirmed
 * @param firstFailure the first error's description, or null
 */
public record PublishResult(long attempted, long acknowledged, long failed, String firstFailure) {

    public boolean succeeded() {
        return failed == 0 && acknowledged == attempted;
    }
}
