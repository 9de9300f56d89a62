package io.churnwatch.streams;

import java.time.Duration;
import java.util.Properties;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/** MockProcessorContext with in-memory stores, for processor-level tests. */
public final class ProcessorContexts {

    private ProcessorContexts() {
    }

    public static <K, V> MockProcessorContext<K, V> create() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "processor-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        return new MockProcessorContext<>(props);
    }

    public static <K, V> KeyValueStore<K, V> addStore(MockProcessorContext<?, ?> context, String name,
                                                      Serde<K> keySerde, Serde<V> valueSerde) {
        KeyValueStore<K, V> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), keySerde, valueSerde)
                .withLoggingDisabled()
                .build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        return store;
    }

    public static <K, V> WindowStore<K, V> addWindowStore(MockProcessorContext<?, ?> context, String name,
                                                          Duration retention, Serde<K> keySerde, Serde<V> valueSerde) {
        WindowStore<K, V> store = Stores.windowStoreBuilder(Stores.inMemoryWindowStore(name, retention, retention, false),
                keySerde, valueSerde).withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        return store;
    }

    public static Serde<byte[]> bytes() {
        return Serdes.ByteArray();
    }
}
