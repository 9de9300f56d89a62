package io.churnwatch.registry;

import java.util.ArrayList;
import java.util.List;

/**
 * A store in memory, for tests and for a registry that need not outlive its JVM. Records pass through the same
 * codec as the Kafka store, so what works here also survives the topic's format.
 */
public final class InMemorySchemaStore implements SchemaStore {

    private final List<StoreRecordCodec.Encoded> records = new ArrayList<>();

    @Override
    public synchronized List<StoreRecord> readAll() {
        List<StoreRecord> decoded = new ArrayList<>();
        for (StoreRecordCodec.Encoded record : records) {
            StoreRecordCodec.decode(record.key(), record.value()).ifPresent(decoded::add);
        }
        return decoded;
    }

    @Override
    public synchronized void append(StoreRecord record) {
        records.add(StoreRecordCodec.encode(record));
    }

    /** How many records were written (including ones a replay would skip). */
    public synchronized int size() {
        return records.size();
    }

    @Override
    public void close() {
        // Nothing to release; the records stay readable so a test can "restart" a registry on the same store.
    }
}
