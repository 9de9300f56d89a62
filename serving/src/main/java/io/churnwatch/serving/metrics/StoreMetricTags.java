package io.churnwatch.serving.metrics;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;

/**
 * Kafka Streams names a state store's metric tag after the store's type ({@code rocksdb-state-id},
 * {@code in-memory-state-id}, {@code rocksdb-window-state-id}), so one metric name such as
 * {@code kafka.stream.state.put.rate} arrives with different tag keys per store type. Prometheus needs one set of
 * keys per name and would drop all but the first type; this filter gives every store the same two tags,
 * {@code state.id} (the store's name) and {@code store.type} ({@code rocksdb}, {@code in-memory}, ...).
 *
 * <p>Micrometer's KafkaMetrics turns every '-' of Kafka's tag keys into '.' ({@code rocksdb.state.id}), so both
 * spellings are matched. The filter adds a tag, so it must not sit on the registry KafkaMetrics binds to (see
 * {@link StoreMetricTagsConfigurer}).
 */
public final class StoreMetricTags implements MeterFilter {

    private static final String STATE_METRICS = "kafka.stream.state.";
    private static final String STORE_ID_SUFFIX = ".state.id";

    @Override
    public Meter.Id map(Meter.Id id) {
        if (!id.getName().startsWith(STATE_METRICS)) {
            return id;
        }
        List<Tag> tags = new ArrayList<>();
        boolean renamed = false;
        for (Tag tag : id.getTagsAsIterable()) {
            String key = tag.getKey().replace('-', '.');
            // "state.id" itself does not end with ".state.id": an already mapped id stays as it is.
            if (key.endsWith(STORE_ID_SUFFIX)) {
                String type = key.substring(0, key.length() - STORE_ID_SUFFIX.length()).replace('.', '-');
                tags.add(Tag.of("state.id", tag.getValue()));
                tags.add(Tag.of("store.type", type));
                renamed = true;
            } else {
                tags.add(tag);
            }
        }
        return renamed ? id.replaceTags(tags) : id;
    }
}
