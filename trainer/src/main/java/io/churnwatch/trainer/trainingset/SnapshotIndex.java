package io.churnwatch.trainer.trainingset;

import io.churnwatch.schemas.FeatureSnapshot;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Feature snapshots grouped by cutoff, one per customer and cutoff (a later duplicate replaces an earlier one, as
 * on the compacted topic). Monthly cutoffs carry training rows; every other cutoff is a label horizon.
 */
public final class SnapshotIndex {

    private final NavigableMap<Instant, Map<String, FeatureSnapshot>> byCutoff;
    private final int size;

    private SnapshotIndex(NavigableMap<Instant, Map<String, FeatureSnapshot>> byCutoff) {
        this.byCutoff = byCutoff;
        this.size = byCutoff.values().stream().mapToInt(Map::size).sum();
    }

    public static SnapshotIndex of(Collection<FeatureSnapshot> snapshots) {
        NavigableMap<Instant, Map<String, FeatureSnapshot>> byCutoff = new TreeMap<>();
        for (FeatureSnapshot snapshot : snapshots) {
            byCutoff.computeIfAbsent(snapshot.getCutoff(), c -> new HashMap<>())
                    .put(snapshot.getCustomerId(), snapshot);
        }
        return new SnapshotIndex(byCutoff);
    }

    /** Snapshots held, after de-duplication. */
    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** Every cutoff with at least one snapshot, monthly or horizon, in time order. */
    public List<Instant> cutoffs() {
        return List.copyOf(byCutoff.keySet());
    }

    /** Monthly cutoffs (1st of a month, 00:00 UTC), in time order. */
    public List<Instant> monthlyCutoffs() {
        return byCutoff.keySet().stream().filter(Cutoffs::isMonthly).toList();
    }

    /**
     * Monthly cutoffs whose labels are known: the stream has passed {@code c + H} and emitted the snapshot there.
     */
    public List<Instant> maturedMonthlyCutoffs(int horizonDays) {
        return monthlyCutoffs().stream().filter(c -> byCutoff.containsKey(Cutoffs.labelEnd(c, horizonDays))).toList();
    }

    /** The latest snapshot instant: how far the stream's event time has come, as far as the trainer can see. */
    public Optional<Instant> latest() {
        return byCutoff.isEmpty() ? Optional.empty() : Optional.of(byCutoff.lastKey());
    }

    public Optional<Instant> earliestMonthly() {
        return byCutoff.keySet().stream().filter(Cutoffs::isMonthly).findFirst();
    }

    /** The snapshots at one cutoff (empty when there are none). */
    public Collection<FeatureSnapshot> at(Instant cutoff) {
        return Collections.unmodifiableCollection(byCutoff.getOrDefault(cutoff, Map.of()).values());
    }

    public Optional<FeatureSnapshot> get(String customerId, Instant cutoff) {
        return Optional.ofNullable(byCutoff.getOrDefault(cutoff, Map.of()).get(customerId));
    }

    public boolean hasCutoff(Instant cutoff) {
        return byCutoff.containsKey(cutoff);
    }
}
