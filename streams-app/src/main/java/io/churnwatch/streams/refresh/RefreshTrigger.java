package io.churnwatch.streams.refresh;

import org.apache.kafka.streams.processor.api.ProcessingContext;

/**
 * Tells the features stream that every customer's features must be emitted again, so that whatever is derived
 * from them downstream is recomputed for all customers, not only for those who buy next: typically the scorer
 * after a new model release. It is a generation number; each time it changes, one sweep over the customers runs
 * (see {@link RefreshSweep}).
 */
@FunctionalInterface
public interface RefreshTrigger {

    /** Nothing downstream needs a refresh: no sweep ever runs. */
    RefreshTrigger NONE = context -> 0;

    /**
     * The generation wanted now, read on the stream thread once per refresh tick: it must be cheap. 0 means "none
     * yet"; a first generation after 0 refreshes every customer too.
     *
     * @param context the processor's context, e.g. to read a global store
     */
    long generation(ProcessingContext context);
}
