package io.churnwatch.streams.timers;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A key-value store ordered by time: the key is the 8-byte big-endian time followed by an id's UTF-8 bytes,
 * so the store's lexicographic order is time order and "everything due before t" is one range scan that stops
 * at the first entry not yet due. Used for inactivity timers, the reorder buffer and de-duplication expiry.
 * Times must not be negative (big-endian order would put them last).
 *
 * <p>Entries leave these stores from the front, in time order, so the front of the key range fills with RocksDB
 * tombstones until compaction drops them, and a scan from time 0 would step over every one of them. Each
 * instance therefore keeps a <em>floor</em> in memory: a time below which it knows there is no entry (the
 * earliest entry a scan found, or the end of a scan that found none, lowered by every earlier put). Scans start
 * at the floor, and a scan that ends at or below it is not made at all. The floor starts at 0, so an instance
 * created after a restart or a rebalance is correct at once and fast after its first scan. Every write to the
 * store must go through the instance.
 */
public final class TimeIndexedStore<V> {

    /** One entry: its time, its id and its value. */
    public record Entry<V>(long time, String id, V value) {
    }

    private final KeyValueStore<Bytes, V> store;
    private long floor;

    public TimeIndexedStore(KeyValueStore<Bytes, V> store) {
        this.store = store;
    }

    public static Bytes key(long time, String id) {
        requireNonNegative(time);
        byte[] idBytes = id.getBytes(StandardCharsets.UTF_8);
        return Bytes.wrap(ByteBuffer.allocate(8 + idBytes.length).putLong(time).put(idBytes).array());
    }

    static Entry<byte[]> decode(Bytes key) {
        ByteBuffer buffer = ByteBuffer.wrap(key.get());
        long time = buffer.getLong();
        return new Entry<>(time, new String(key.get(), 8, key.get().length - 8, StandardCharsets.UTF_8), null);
    }

    private static Bytes prefix(long time) {
        return Bytes.wrap(ByteBuffer.allocate(8).putLong(time).array());
    }

    private static void requireNonNegative(long time) {
        if (time < 0) {
            throw new IllegalArgumentException("time-indexed keys need a non-negative time, got " + time);
        }
    }

    public void put(long time, String id, V value) {
        Bytes key = key(time, id);
        floor = Math.min(floor, time);
        store.put(key, value);
    }

    public void delete(long time, String id) {
        store.delete(key(time, id));
    }

    public V get(long time, String id) {
        return store.get(key(time, id));
    }

    /** The earliest entry with a time before {@code untilExclusive}, if any. */
    public Optional<Entry<V>> first(long untilExclusive) {
        List<Entry<V>> batch = before(untilExclusive, 1);
        return batch.isEmpty() ? Optional.empty() : Optional.of(batch.get(0));
    }

    /** Up to {@code max} entries with a time before {@code untilExclusive}, earliest first. */
    public List<Entry<V>> before(long untilExclusive, int max) {
        List<Entry<V>> due = new ArrayList<>();
        if (untilExclusive <= floor) {
            return due;
        }
        // Inclusive upper bound: the bare 8-byte prefix of untilExclusive sorts before every real key at that time.
        try (KeyValueIterator<Bytes, V> range = store.range(prefix(floor), prefix(untilExclusive))) {
            while (range.hasNext() && due.size() < max) {
                KeyValue<Bytes, V> next = range.next();
                Entry<byte[]> decoded = decode(next.key);
                if (decoded.time() >= untilExclusive) {
                    break;
                }
                due.add(new Entry<>(decoded.time(), decoded.id(), next.value));
            }
        }
        // The scan started at the floor and went in time order: nothing lies before what it found first, or
        // before its end when it found nothing.
        floor = due.isEmpty() ? untilExclusive : due.get(0).time();
        return due;
    }
}
