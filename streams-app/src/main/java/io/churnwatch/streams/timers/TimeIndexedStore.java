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
 * at the first entry not yet due. Used for the inactivity timers; the reorder buffer keys its store the same way.
 * Times must not be negative (big-endian order would put them last).
 *
 * <p>The question asked most, once per record, is "what is the earliest entry, and is it due?", and the answer
 * rarely changes between two records. Each instance therefore remembers the <em>head</em>, the earliest entry
 * of the store, once a scan has found it: a put can only replace it by something earlier, and deleting any
 * other entry leaves it the earliest, so only deleting the head itself sends the next question back to the
 * store. Entries leave from the front, so the front of the key range fills with RocksDB tombstones until
 * compaction drops them; the instance also keeps a <em>floor</em>, a time below which it knows there is no
 * entry, and starts every scan there instead of stepping over them. A new instance (after a restart or a
 * rebalance) knows neither and is correct at once. Every write to the store must go through the instance.
 */
public final class TimeIndexedStore<V> {

    /** One entry: its time, its id and its value. */
    public record Entry<V>(long time, String id, V value) {
    }

    private final KeyValueStore<Bytes, V> store;
    private long floor;
    /** Whether {@link #head} is known to be the earliest entry (null: the store is empty). */
    private boolean headKnown;
    private Entry<V> head;
    private Bytes headKey;

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
        if (headKnown && (head == null || key.compareTo(headKey) <= 0)) {
            setHead(key, new Entry<>(time, id, value));
        }
    }

    public void delete(long time, String id) {
        Bytes key = key(time, id);
        store.delete(key);
        if (headKnown && head != null && key.equals(headKey)) {
            // Nothing earlier than the old head is left; what comes next is the store's to say.
            headKnown = false;
            head = null;
            headKey = null;
            floor = time;
        }
    }

    /** The earliest entry with a time before {@code untilExclusive}, if any. */
    public Optional<Entry<V>> first(long untilExclusive) {
        if (!headKnown && untilExclusive > floor) {
            findHead();
        }
        return headKnown && head != null && head.time() < untilExclusive ? Optional.of(head) : Optional.empty();
    }

    private void findHead() {
        try (KeyValueIterator<Bytes, V> range = store.range(prefix(floor), null)) {
            if (range.hasNext()) {
                KeyValue<Bytes, V> next = range.next();
                Entry<byte[]> decoded = decode(next.key);
                setHead(next.key, new Entry<>(decoded.time(), decoded.id(), next.value));
                floor = decoded.time();
            } else {
                headKnown = true;
                head = null;
                headKey = null;
            }
        }
    }

    private void setHead(Bytes key, Entry<V> entry) {
        headKnown = true;
        head = entry;
        headKey = key;
    }

    /** Up to {@code max} entries with a time before {@code untilExclusive}, earliest first. */
    public List<Entry<V>> before(long untilExclusive, int max) {
        List<Entry<V>> due = new ArrayList<>();
        if (untilExclusive <= floor || headKnown && (head == null || head.time() >= untilExclusive)) {
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
