package io.churnwatch.streams.rocksdb;

import java.util.Map;

import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds the off-heap memory of every RocksDB store in the JVM: all stores share ONE LRU block cache, and their
 * memtables are charged to that same cache through ONE {@link WriteBufferManager}; index and filter blocks live
 * in the cache too. Without this each store (times partitions) gets its own cache and memtables, and memory
 * grows with the number of tasks.
 *
 * <p>The shared objects are created once per JVM from the first configuration seen
 * ({@value #CACHE_BYTES_CONFIG}, {@value #WRITE_BUFFER_BYTES_CONFIG}) and are never closed in {@link #close}:
 * other stores still use them, and closing a shared cache crashes the JVM on the next read.
 */
public final class BoundedMemoryRocksDBConfig implements RocksDBConfigSetter {

    public static final String CACHE_BYTES_CONFIG = "churnwatch.rocksdb.cache.bytes";
    public static final String WRITE_BUFFER_BYTES_CONFIG = "churnwatch.rocksdb.write.buffer.bytes";
    public static final long DEFAULT_CACHE_BYTES = 64L * 1024 * 1024;
    public static final long DEFAULT_WRITE_BUFFER_BYTES = 16L * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(BoundedMemoryRocksDBConfig.class);
    /** Share of the cache reserved for index and filter blocks, so data blocks cannot evict them. */
    private static final double HIGH_PRIORITY_RATIO = 0.1;
    private static final long BLOCK_SIZE = 16 * 1024;
    private static final int MEMTABLES_PER_STORE = 2;

    private static Cache sharedCache;
    private static WriteBufferManager sharedWriteBuffers;
    private static long configuredCacheBytes;

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        long cacheBytes = bytes(configs, CACHE_BYTES_CONFIG, DEFAULT_CACHE_BYTES);
        long writeBufferBytes = Math.min(bytes(configs, WRITE_BUFFER_BYTES_CONFIG, DEFAULT_WRITE_BUFFER_BYTES), cacheBytes);
        synchronized (BoundedMemoryRocksDBConfig.class) {
            if (sharedCache == null) {
                sharedCache = new LRUCache(cacheBytes, -1, false, HIGH_PRIORITY_RATIO);
                sharedWriteBuffers = new WriteBufferManager(writeBufferBytes, sharedCache);
                configuredCacheBytes = cacheBytes;
                LOG.info("RocksDB memory bounded: {} MiB shared block cache, {} MiB of it for memtables",
                        cacheBytes >> 20, writeBufferBytes >> 20);
            } else if (cacheBytes != configuredCacheBytes) {
                LOG.warn("Store {} asks for a {}-byte RocksDB cache; the JVM-wide cache of {} bytes is kept",
                        storeName, cacheBytes, configuredCacheBytes);
            }
        }
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(sharedCache);
        table.setBlockSize(BLOCK_SIZE);
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setTableFormatConfig(table);
        options.setWriteBufferManager(sharedWriteBuffers);
        options.setMaxWriteBufferNumber(MEMTABLES_PER_STORE);
        options.setWriteBufferSize(Math.max(1024 * 1024, writeBufferBytes / 4));
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and the write-buffer manager are shared by every store: never closed here.
    }

    /** The shared cache, for tests and metrics; null until the first store was configured. */
    public static synchronized Cache sharedCache() {
        return sharedCache;
    }

    private static long bytes(Map<String, Object> configs, String key, long fallback) {
        Object value = configs.get(key);
        if (value == null) {
            return fallback;
        }
        long bytes = value instanceof Number number ? number.longValue() : Long.parseLong(value.toString().trim());
        if (bytes <= 0) {
            throw new IllegalArgumentException(key + " must be positive, got " + value);
        }
        return bytes;
    }
}
