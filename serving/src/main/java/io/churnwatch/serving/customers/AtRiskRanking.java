package io.churnwatch.serving.customers;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import io.churnwatch.serving.query.LocalStores;
import io.churnwatch.serving.query.StoreNames;
import io.churnwatch.schemas.CustomerScore;
import jakarta.inject.Singleton;

/**
 * The customers with the most value at risk. Each instance ranks the scores of its own partitions (one pass,
 * a bounded heap); the instance asked merges those local rankings, which gives exactly the global top N
 * because every customer lives in exactly one active partition.
 */
@Singleton
public class AtRiskRanking {

    private final LocalStores stores;

    public AtRiskRanking(LocalStores stores) {
        this.stores = stores;
    }

    /** This instance's top entries, best first; empty when the topology scores nothing. */
    public List<AtRiskEntry> local(AtRiskFilter filter) {
        Optional<ReadOnlyKeyValueStore<String, CustomerScore>> scores = stores.keyValueStore(StoreNames.CUSTOMER_SCORES);
        if (scores.isEmpty()) {
            return List.of();
        }
        return LocalStores.read(StoreNames.CUSTOMER_SCORES, () -> {
            PriorityQueue<AtRiskEntry> top = new PriorityQueue<>(AtRiskEntry.RANKING.reversed());
            try (KeyValueIterator<String, CustomerScore> all = scores.get().all()) {
                while (all.hasNext()) {
                    KeyValue<String, CustomerScore> next = all.next();
                    AtRiskEntry entry = AtRiskEntry.of(next.key, next.value);
                    if (entry != null && filter.accepts(entry)) {
                        top.add(entry);
                        if (top.size() > filter.limit()) {
                            top.poll();
                        }
                    }
                }
            }
            List<AtRiskEntry> ranked = new ArrayList<>(top);
            ranked.sort(AtRiskEntry.RANKING);
            return ranked;
        });
    }

    /** The global top N from the instances' local rankings. */
    public static List<AtRiskEntry> merge(Collection<List<AtRiskEntry>> parts, int limit) {
        return parts.stream().flatMap(List::stream).sorted(AtRiskEntry.RANKING).limit(limit).toList();
    }
}
