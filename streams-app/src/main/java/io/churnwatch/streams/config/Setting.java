package io.churnwatch.streams.config;

/**
 * Every setting of the streams app: its environment variable, its default and what it means. The single
 * source for {@link StreamsAppConfig} and for {@code --help}.
 */
public enum Setting {
    BOOTSTRAP_SERVERS("localhost:9092", "Kafka bootstrap servers."),
    SCHEMA_REGISTRY_URL("http://localhost:8081", "Schema registry (Confluent API); mock://<scope> for an in-memory one."),
    APPLICATION_ID("churnwatch-streams", "Kafka Streams application.id (consumer group, internal topic prefix)."),
    STATE_DIR(System.getProperty("java.io.tmpdir") + "/churnwatch-streams", "Directory of the RocksDB state stores."),
    PROCESSING_GUARANTEE("exactly_once_v2", "exactly_once_v2 or at_least_once."),
    COMMIT_INTERVAL("100ms", "How often offsets, state and output are committed (one transaction under exactly_once_v2): the floor of end-to-end latency for read_committed consumers; longer batches more work per commit."),
    NUM_STREAM_THREADS("1", "Stream threads in this instance."),
    APPLICATION_SERVER("", "host:port this instance answers interactive queries on (empty: none)."),
    TOPIC_PARTITIONS("6", "Partitions of the topics the app creates (orders, orders-dlq, customer-features, feature-snapshots); must equal those of an existing orders topic (checked at start)."),
    REPLICATION_FACTOR("1", "Replication factor of the topics the app creates and of its internal topics."),
    CREATE_TOPICS("true", "Create missing topics at start (compacted where the system says so)."),
    STATESTORE_CACHE_MB("auto", "Kafka Streams record cache in front of the stores, in MiB, for all threads. auto = 16 in event-time mode (a replay brings a customer's orders close together, and the cache folds their writes into one per commit) and 0 in wall-clock mode (live orders of one customer are far apart, and the cache only adds work)."),
    ROCKSDB_CACHE_MB("64", "The ONE RocksDB block cache shared by every store of the JVM, in MiB (memtables count against it)."),
    ROCKSDB_WRITE_BUFFER_MB("16", "Part of the block cache that memtables of all stores may use together, in MiB."),
    REORDER_GRACE("10m", "How far event time must pass an order before it is applied; out-of-order arrivals within it are reordered. 0 = apply on arrival."),
    DEDUP_RETENTION("30d", "How long (event time) an order id is remembered for de-duplication."),
    TIMER_MODE("event-time", "event-time (stream time; replays) or wall-clock (machine clock; live operation)."),
    PUNCTUATION_INTERVAL("30s", "How often the wall-clock punctuator runs (wall-clock timer mode only)."),
    INACTIVITY_OFFSETS_DAYS("7,14,30,60,90,120,180,270,365", "Days after the last purchase at which a quiet customer is re-evaluated."),
    INACTIVITY_GAP_MULTIPLIER("1.5", "Also re-evaluate when this many mean inter-purchase gaps have passed (0 = off)."),
    SNAPSHOT_CUTOFFS("monthly", "Snapshot cutoffs: monthly (1st of the month, 00:00 UTC) or every-N-days (aligned to the epoch)."),
    LABEL_HORIZON_DAYS("90", "Also snapshot every customer this many days after each cutoff (c + H), the snapshot the trainer's churn label reads; 0 = off."),
    REFRESH_PER_SECOND("200", "Customers per second and task whose features are emitted again when a new model release is promoted, so every stored score moves to it (0 = only at each customer's next order or inactivity timer)."),
    MAX_FUTURE_SKEW("24h", "Orders whose event time is further than this beyond the clock go to the DLQ (FUTURE_EVENT_TIME)."),
    MIN_EVENT_TIME("1990-01-01T00:00:00Z", "Orders before this instant go to the DLQ (EVENT_TIME_TOO_OLD).");

    private final String defaultValue;
    private final String description;

    Setting(String defaultValue, String description) {
        this.defaultValue = defaultValue;
        this.description = description;
    }

    /** The environment variable, e.g. {@code CHURNWATCH_BOOTSTRAP_SERVERS}. */
    public String envVar() {
        return "CHURNWATCH_" + name();
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }
}
