package io.churnwatch.streams.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

class BoundedMemoryRocksDBConfigTest {

    @Test
    void everyStoreSharesOneCacheThatOutlivesClosedStores() {
        RocksDB.loadLibrary();
        Map<String, Object> configs = Map.of(BoundedMemoryRocksDBConfig.CACHE_BYTES_CONFIG, 8L << 20,
                BoundedMemoryRocksDBConfig.WRITE_BUFFER_BYTES_CONFIG, 2L << 20);
        BoundedMemoryRocksDBConfig setter = new BoundedMemoryRocksDBConfig();
        try (Options first = withTable(); Options second = withTable()) {
            setter.setConfig("a", first, configs);
            setter.close("a", first);
            new BoundedMemoryRocksDBConfig().setConfig("b", second, configs);

            assertThat(BoundedMemoryRocksDBConfig.sharedCache()).isNotNull();
            assertThat(BoundedMemoryRocksDBConfig.sharedCache().isOwningHandle()).isTrue();
            assertThat(((BlockBasedTableConfig) second.tableFormatConfig()).cacheIndexAndFilterBlocks()).isTrue();
            assertThat(second.maxWriteBufferNumber()).isEqualTo(2);
        }
        assertThat(BoundedMemoryRocksDBConfig.sharedCache()).isInstanceOf(LRUCache.class);
    }

    private static Options withTable() {
        Options options = new Options();
        options.setTableFormatConfig(new BlockBasedTableConfig());
        return options;
    }
}
