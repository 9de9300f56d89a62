package io.churnwatch.streams.snapshots;

import java.time.Instant;
import java.util.function.BiConsumer;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.churnwatch.schemas.FeatureSnapshot;
import io.churnwatch.streams.features.CustomerState;
import io.churnwatch.streams.features.FeatureCalculator;

/**
 * Takes the snapshot of one cutoff: a full scan of the task's customer store, once per cutoff, emitting the
 * features as of the cutoff of every customer whose first purchase is at or before it. The caller guarantees
 * that the store holds no event after the cutoff yet.
 */
public final class SnapshotScanner {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotScanner.class);

    private SnapshotScanner() {
    }

    /** Emits {@code (customerId|date, snapshot)} pairs and returns how many were emitted. */
    public static int snapshot(KeyValueStore<String, CustomerState> states, long cutoff,
                               BiConsumer<String, FeatureSnapshot> emit) {
        int emitted = 0;
        try (KeyValueIterator<String, CustomerState> all = states.all()) {
            while (all.hasNext()) {
                KeyValue<String, CustomerState> entry = all.next();
                CustomerState state = entry.value;
                if (!state.hasPurchases() || state.firstPurchaseTime() > cutoff) {
                    continue;
                }
                if (state.lastEventTime() > cutoff) {
                    // Only a bug upstream could cause this; a wrong snapshot would be worse than a missing one.
                    LOG.warn("Customer {} has an event at {}, after cutoff {}: left out of that snapshot", entry.key,
                            Instant.ofEpochMilli(state.lastEventTime()), Instant.ofEpochMilli(cutoff));
                    continue;
                }
                FeatureSnapshot snapshot = FeatureSnapshot.newBuilder()
                        .setCustomerId(entry.key)
                        .setCutoff(Instant.ofEpochMilli(cutoff))
                        .setFeatures(FeatureCalculator.featuresAsOf(entry.key, state, cutoff))
                        .build();
                emit.accept(CutoffSchedule.snapshotKey(entry.key, cutoff), snapshot);
                emitted++;
            }
        }
        return emitted;
    }
}
