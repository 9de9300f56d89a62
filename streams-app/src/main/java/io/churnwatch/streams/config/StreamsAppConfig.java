package io.churnwatch.streams.config;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;

import io.churnwatch.streams.TopologySettings;
import io.churnwatch.streams.dedup.DedupSettings;
import io.churnwatch.streams.features.FeatureSettings;
import io.churnwatch.streams.partitioning.CustomerPartitioning;
import io.churnwatch.streams.rocksdb.BoundedMemoryRocksDBConfig;
import io.churnwatch.streams.snapshots.CutoffSchedule;
import io.churnwatch.streams.snapshots.LabelHorizonCutoffs;
import io.churnwatch.streams.timers.InactivitySchedule;
import io.churnwatch.streams.timers.TimerMode;
import io.churnwatch.streams.validation.ResilientProductionExceptionHandler;
import io.churnwatch.streams.validation.ValidationSettings;

/**
 * The streams app's whole configuration, typed. Each value comes from its {@link Setting}'s environment
 * variable ({@code CHURNWATCH_...}) or else the documented default; a malformed value fails at start with the
 * variable's name in the message.
 */
public record StreamsAppConfig(
        String bootstrapServers,
        String schemaRegistryUrl,
        String applicationId,
        String stateDir,
        String processingGuarantee,
        Duration commitInterval,
        int streamThreads,
        String applicationServer,
        int topicPartitions,
        short replicationFactor,
        boolean createTopics,
        long statestoreCacheMb,
        long rocksDbCacheMb,
        long rocksDbWriteBufferMb,
        TopologySettings topology) {

    /** The record cache {@code CHURNWATCH_STATESTORE_CACHE_MB=auto} gives a replay (event-time mode). */
    public static final long AUTO_REPLAY_RECORD_CACHE_MB = 16;

    /** Reads the process environment. */
    public static StreamsAppConfig fromEnvironment() {
        return from(System.getenv());
    }

    /** Reads settings from a map of environment variables (missing ones take their defaults). */
    public static StreamsAppConfig from(Map<String, String> env) {
        Reader read = new Reader(env);
        String guarantee = read.get(Setting.PROCESSING_GUARANTEE, text -> {
            if (!text.equals(StreamsConfig.EXACTLY_ONCE_V2) && !text.equals(StreamsConfig.AT_LEAST_ONCE)) {
                throw new IllegalArgumentException("must be exactly_once_v2 or at_least_once");
            }
            return text;
        });
        ValidationSettings validation = new ValidationSettings(
                read.get(Setting.MAX_FUTURE_SKEW, Durations::parse),
                read.get(Setting.MIN_EVENT_TIME, StreamsAppConfig::parseInstant));
        DedupSettings dedup = new DedupSettings(read.get(Setting.DEDUP_RETENTION, SettingValues::positiveDuration));
        TimerMode timerMode = read.get(Setting.TIMER_MODE, TimerMode::parse);
        FeatureSettings features = new FeatureSettings(
                read.get(Setting.REORDER_GRACE, Durations::parse),
                timerMode,
                read.get(Setting.PUNCTUATION_INTERVAL, SettingValues::positiveDuration),
                new InactivitySchedule(read.get(Setting.INACTIVITY_OFFSETS_DAYS, StreamsAppConfig::parseDays),
                        read.get(Setting.INACTIVITY_GAP_MULTIPLIER, Double::parseDouble)),
                LabelHorizonCutoffs.of(read.get(Setting.SNAPSHOT_CUTOFFS, CutoffSchedule::parse),
                        read.get(Setting.LABEL_HORIZON_DAYS, SettingValues::nonNegativeInt)),
                read.get(Setting.REFRESH_PER_SECOND, SettingValues::nonNegativeInt));
        int topicPartitions = read.get(Setting.TOPIC_PARTITIONS, SettingValues::positiveInt);
        return new StreamsAppConfig(
                read.get(Setting.BOOTSTRAP_SERVERS, SettingValues::nonEmpty),
                read.get(Setting.SCHEMA_REGISTRY_URL, SettingValues::nonEmpty),
                read.get(Setting.APPLICATION_ID, SettingValues::nonEmpty),
                read.get(Setting.STATE_DIR, SettingValues::nonEmpty),
                guarantee,
                read.get(Setting.COMMIT_INTERVAL, SettingValues::positiveDuration),
                read.get(Setting.NUM_STREAM_THREADS, SettingValues::positiveInt),
                read.get(Setting.APPLICATION_SERVER, Function.identity()),
                topicPartitions,
                read.get(Setting.REPLICATION_FACTOR, text -> (short) SettingValues.positiveInt(text)),
                read.get(Setting.CREATE_TOPICS, SettingValues::bool),
                read.get(Setting.STATESTORE_CACHE_MB, text -> recordCacheMb(text, timerMode)),
                read.get(Setting.ROCKSDB_CACHE_MB, text -> (long) SettingValues.positiveInt(text)),
                read.get(Setting.ROCKSDB_WRITE_BUFFER_MB, text -> (long) SettingValues.positiveInt(text)),
                new TopologySettings(validation, dedup, features, new CustomerPartitioning(topicPartitions)));
    }

    /** The Kafka Streams properties: exactly-once by default, resilient handlers, bounded RocksDB memory. */
    public Properties toStreamsProperties() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, processingGuarantee);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitInterval.toMillis());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, streamThreads);
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) replicationFactor);
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, statestoreCacheMb * 1024 * 1024);
        if (!applicationServer.isBlank()) {
            props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, applicationServer);
        }
        props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedMemoryRocksDBConfig.class);
        props.put(BoundedMemoryRocksDBConfig.CACHE_BYTES_CONFIG, rocksDbCacheMb * 1024 * 1024);
        props.put(BoundedMemoryRocksDBConfig.WRITE_BUFFER_BYTES_CONFIG, rocksDbWriteBufferMb * 1024 * 1024);
        // Repartition and store serdes are given explicitly; this is only read by handlers and tooling.
        props.put("schema.registry.url", schemaRegistryUrl);
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueProcessingExceptionHandler.class);
        props.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, ResilientProductionExceptionHandler.class);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        return props;
    }

    /**
     * The record cache pays only where one key is written several times per commit. In a replay a customer's
     * orders come seconds or less apart; live, they are days apart, and every cached put costs a sorted-map insert
     * and, at each commit, a look-up and the write it was meant to save (at 3,000 orders/s live, 229 µs of stream
     * thread CPU per order with 16 MiB, 178 µs without; a replay of 10,000 customers, 62 µs with, 102 without).
     */
    private static long recordCacheMb(String text, TimerMode timerMode) {
        if (text.equals("auto")) {
            return timerMode == TimerMode.WALL_CLOCK ? 0 : AUTO_REPLAY_RECORD_CACHE_MB;
        }
        return SettingValues.nonNegativeLong(text);
    }

    private static Instant parseInstant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("must be an ISO-8601 instant such as 1990-01-01T00:00:00Z");
        }
    }

    private static List<Integer> parseDays(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Integer::valueOf)
                .toList();
    }

    /** Looks a setting up and names the variable when its value does not parse. */
    private record Reader(Map<String, String> env) {
        <T> T get(Setting setting, Function<String, T> parse) {
            String raw = env.get(setting.envVar());
            String text = raw == null ? setting.defaultValue() : raw.trim();
            try {
                return parse.apply(text);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(setting.envVar() + "='" + text + "' is invalid: " + e.getMessage()
                        + " (" + setting.description() + ")", e);
            }
        }
    }
}
