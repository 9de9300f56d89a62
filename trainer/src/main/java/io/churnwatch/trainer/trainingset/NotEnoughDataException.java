package io.churnwatch.trainer.trainingset;

import java.time.Instant;
import java.util.Optional;

/**
 * Training cannot produce an honest model from the snapshots there are. The message says what exists, what is
 * needed, and (when it can be known) when the stream will have it; callers show it as it is.
 */
public class NotEnoughDataException extends Exception {

    private final int maturedCutoffs;
    private final transient Optional<Instant> enoughAt;

    public NotEnoughDataException(String message, int maturedCutoffs, Optional<Instant> enoughAt) {
        super(message);
        this.maturedCutoffs = maturedCutoffs;
        this.enoughAt = enoughAt;
    }

    public int maturedCutoffs() {
        return maturedCutoffs;
    }

    /** The event time the stream must pass for training to become possible, when it can be computed. */
    public Optional<Instant> enoughAt() {
        return enoughAt;
    }
}
