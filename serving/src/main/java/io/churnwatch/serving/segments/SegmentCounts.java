package io.churnwatch.serving.segments;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import io.churnwatch.serving.query.LocalStores;
import io.churnwatch.serving.query.StoreNames;
import io.churnwatch.schemas.CustomerScore;
import jakarta.inject.Singleton;

/** How many scored customers each segment has: per instance from its own partitions, then summed. */
@Singleton
public class SegmentCounts {

    /** The count of scored customers without a segment (scored before the first release). */
    public static final String UNASSIGNED = "(none)";

    private final LocalStores stores;

    public SegmentCounts(LocalStores stores) {
        this.stores = stores;
    }

    public Map<String, Long> local() {
        Optional<ReadOnlyKeyValueStore<String, CustomerScore>> scores = stores.keyValueStore(StoreNames.CUSTOMER_SCORES);
        Map<String, Long> counts = new TreeMap<>();
        if (scores.isEmpty()) {
            return counts;
        }
        return LocalStores.read(StoreNames.CUSTOMER_SCORES, () -> {
            try (KeyValueIterator<String, CustomerScore> all = scores.get().all()) {
                while (all.hasNext()) {
                    KeyValue<String, CustomerScore> next = all.next();
                    String segment = next.value.getSegment() == null ? UNASSIGNED : next.value.getSegment();
                    counts.merge(segment, 1L, Long::sum);
                }
            }
            return counts;
        });
    }

    public static Map<String, Long> sum(Collection<Map<String, Long>> parts) {
        Map<String, Long> total = new TreeMap<>();
        parts.forEach(part -> part.forEach((segment, count) -> total.merge(segment, count, Long::sum)));
        return total;
    }
}
