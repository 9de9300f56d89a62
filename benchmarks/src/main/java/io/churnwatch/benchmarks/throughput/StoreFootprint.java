package io.churnwatch.benchmarks.throughput;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.DBOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

import io.churnwatch.streams.features.CustomerState;
import io.churnwatch.streams.features.CustomerStateSerde;

/**
 * What the customer-state store costs, measured two ways:
 * <ul>
 *   <li>logical: the sum of the serialized states ({@link CustomerStateSerde}), read through an interactive query
 *       while the app runs, divided by the customers;</li>
 *   <li>physical: after the app closed (memtables flushed), each task's RocksDB opened read-only for
 *       {@code rocksdb.estimate-live-data-size} (keys and values after compaction, RocksDB's own estimate) and the
 *       size of its SST files on disk (including versions compaction has not dropped yet).</li>
 * </ul>
 */
public final class StoreFootprint {

    /** Logical size: customers in the store and their serialized state values. */
    public record Logical(long customers, long valueBytes) {
    }

    /** Physical size over all tasks' copies of one store. */
    public record Physical(long liveDataEstimate, long sstBytes, long allStoresBytes) {
    }

    private StoreFootprint() {
    }

    public static Logical logical(KafkaStreams streams, String store) {
        ReadOnlyKeyValueStore<String, CustomerState> states = streams.store(
                StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.<String, CustomerState>keyValueStore()));
        long customers = 0;
        long bytes = 0;
        try (KeyValueIterator<String, CustomerState> all = states.all()) {
            while (all.hasNext()) {
                bytes += CustomerStateSerde.toBytes(all.next().value).length;
                customers++;
            }
        }
        return new Logical(customers, bytes);
    }

    /** {@code appStateDir} is {@code <state.dir>/<application.id>}; call after the app has closed. */
    public static Physical physical(Path appStateDir, String store) {
        long live = 0;
        long sst = 0;
        for (Path storeDir : storeDirs(appStateDir, store)) {
            live += liveDataEstimate(storeDir);
            sst += sizeOf(storeDir, ".sst");
        }
        return new Physical(live, sst, sizeOf(appStateDir, ""));
    }

    private static List<Path> storeDirs(Path appStateDir, String store) {
        List<Path> dirs = new ArrayList<>();
        try (Stream<Path> tasks = Files.list(appStateDir)) {
            tasks.map(task -> task.resolve("rocksdb").resolve(store)).filter(Files::isDirectory).forEach(dirs::add);
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + appStateDir, e);
        }
        return dirs;
    }

    private static long liveDataEstimate(Path storeDir) {
        RocksDB.loadLibrary();
        String path = storeDir.toString();
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        try (Options options = new Options()) {
            List<ColumnFamilyDescriptor> families = RocksDB.listColumnFamilies(options, path).stream()
                    .map(ColumnFamilyDescriptor::new).toList();
            try (DBOptions dbOptions = new DBOptions(); RocksDB db = RocksDB.openReadOnly(dbOptions, path, families, handles)) {
                long total = 0;
                for (ColumnFamilyHandle handle : handles) {
                    total += Long.parseLong(db.getProperty(handle, "rocksdb.estimate-live-data-size"));
                }
                return total;
            } finally {
                handles.forEach(ColumnFamilyHandle::close);
            }
        } catch (RocksDBException e) {
            throw new IllegalStateException("could not open " + path + " read-only: " + e.getMessage(), e);
        }
    }

    private static long sizeOf(Path dir, String suffix) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(suffix))
                    .mapToLong(f -> f.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException("could not measure " + dir, e);
        }
    }
}
