package io.churnwatch.streams.ordering;

import org.apache.kafka.streams.state.KeyValueStore;

/**
 * How far a task has come in event time, kept in a (changelogged) store so that a restarted or migrated task
 * neither releases events twice nor takes a snapshot twice with later data in it.
 *
 * <ul>
 *   <li>The <b>released watermark</b> W: every buffered event at or before W has been applied, every timer and
 *       cutoff before W has fired. An event older than W arrives too late to be put in order.</li>
 *   <li>The <b>last cutoff</b> whose snapshot was taken.</li>
 * </ul>
 */
public final class ReleaseProgress {

    private static final String WATERMARK = "released-watermark";
    private static final String LAST_CUTOFF = "last-cutoff";

    private final KeyValueStore<String, Long> store;
    private Long watermark;
    private Long lastCutoff;

    public ReleaseProgress(KeyValueStore<String, Long> store) {
        this.store = store;
        this.watermark = store.get(WATERMARK);
        this.lastCutoff = store.get(LAST_CUTOFF);
    }

    /** False until the task has seen its first event. */
    public boolean started() {
        return watermark != null;
    }

    public void start(long initialWatermark, long initialLastCutoff) {
        watermark(initialWatermark);
        lastCutoff(initialLastCutoff);
    }

    public long watermark() {
        return watermark;
    }

    public void watermark(long value) {
        if (watermark == null || watermark != value) {
            watermark = value;
            store.put(WATERMARK, value);
        }
    }

    public long lastCutoff() {
        return lastCutoff;
    }

    public void lastCutoff(long value) {
        if (lastCutoff == null || lastCutoff != value) {
            lastCutoff = value;
            store.put(LAST_CUTOFF, value);
        }
    }
}
