package io.churnwatch.streams.refresh;

import java.util.function.BiConsumer;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Walks a task's customers in key order, a bounded number per tick, whenever the {@link RefreshTrigger}'s
 * generation differs from the last one completed. The completed generation is kept in the task's changelogged
 * progress store, so a restart neither repeats a finished sweep nor forgets an unfinished one (which starts over:
 * emitting a customer twice is harmless, as the features are the same). A generation that changes during a sweep
 * restarts it, since the customers already passed were refreshed for the old one.
 *
 * @param <S> the per-customer state
 */
public final class RefreshSweep<S> {

    /** Key of the last completed generation in the progress store. */
    public static final String COMPLETED_KEY = "refreshed-generation";

    private static final Logger LOG = LoggerFactory.getLogger(RefreshSweep.class);

    private final KeyValueStore<String, Long> progress;
    private final KeyValueStore<String, S> states;
    private final String taskName;
    private long sweeping;
    private String lastEmitted;
    private long emittedThisSweep;

    public RefreshSweep(KeyValueStore<String, Long> progress, KeyValueStore<String, S> states, String taskName) {
        this.progress = progress;
        this.states = states;
        this.taskName = taskName;
    }

    /**
     * Emits up to {@code budget} customers of the sweep for generation {@code wanted}, if one is due.
     *
     * @return how many were emitted
     */
    public int step(long wanted, int budget, BiConsumer<String, S> emit) {
        Long completed = progress.get(COMPLETED_KEY);
        if (wanted == (completed == null ? 0 : completed)) {
            lastEmitted = null;
            return 0;
        }
        if (wanted != sweeping) {
            if (emittedThisSweep > 0) {
                LOG.info("Task {}: refresh for generation {} superseded by {} after {} customers", taskName, sweeping,
                        wanted, emittedThisSweep);
            }
            sweeping = wanted;
            lastEmitted = null;
            emittedThisSweep = 0;
        }
        int emitted = 0;
        boolean exhausted = true;
        try (KeyValueIterator<String, S> customers = states.range(lastEmitted, null)) {
            while (customers.hasNext()) {
                KeyValue<String, S> customer = customers.next();
                if (customer.key.equals(lastEmitted)) {
                    continue;
                }
                if (emitted == budget) {
                    exhausted = false;
                    break;
                }
                emit.accept(customer.key, customer.value);
                lastEmitted = customer.key;
                emitted++;
            }
        }
        emittedThisSweep += emitted;
        if (exhausted) {
            progress.put(COMPLETED_KEY, wanted);
            LOG.info("Task {}: refreshed {} customers for generation {}", taskName, emittedThisSweep, wanted);
            lastEmitted = null;
            emittedThisSweep = 0;
        }
        return emitted;
    }
}
