package io.churnwatch.streams.validation;

/** A verdict against a record: the stable reason code and a sentence for the human reading the DLQ. */
public record Rejection(RejectReason reason, String detail) {
}
