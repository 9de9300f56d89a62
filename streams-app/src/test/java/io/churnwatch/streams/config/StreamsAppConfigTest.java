package io.churnwatch.streams.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

import io.churnwatch.streams.rocksdb.BoundedMemoryRocksDBConfig;
import io.churnwatch.streams.timers.TimerMode;

class StreamsAppConfigTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        StreamsAppConfig config = StreamsAppConfig.from(Map.of());
        assertThat(config.bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(config.processingGuarantee()).isEqualTo("exactly_once_v2");
        assertThat(config.topicPartitions()).isEqualTo(6);
        assertThat(config.rocksDbCacheMb()).isEqualTo(64);
        assertThat(config.topology().features().grace()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.topology().features().timerMode()).isEqualTo(TimerMode.EVENT_TIME);
        assertThat(config.topology().features().cutoffs().toString()).isEqualTo("monthly + 90-day label horizons");
        assertThat(config.topology().dedup().retention()).isEqualTo(Duration.ofDays(30));
        assertThat(config.topology().validation().maxFutureSkew()).isEqualTo(Duration.ofHours(24));

        Properties props = config.toStreamsProperties();
        assertThat(props.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
        assertThat(props.get(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG)).isEqualTo(BoundedMemoryRocksDBConfig.class);
        assertThat(props.get(BoundedMemoryRocksDBConfig.CACHE_BYTES_CONFIG)).isEqualTo(64L << 20);
        assertThat(props).doesNotContainKey(StreamsConfig.APPLICATION_SERVER_CONFIG);
    }

    @Test
    void everySettingIsOverriddenByItsEnvironmentVariable() {
        StreamsAppConfig config = StreamsAppConfig.from(Map.of(
                "CHURNWATCH_BOOTSTRAP_SERVERS", "broker:29092",
                "CHURNWATCH_PROCESSING_GUARANTEE", "at_least_once",
                "CHURNWATCH_ROCKSDB_CACHE_MB", "128",
                "CHURNWATCH_REORDER_GRACE", "0",
                "CHURNWATCH_TIMER_MODE", "wall-clock",
                "CHURNWATCH_SNAPSHOT_CUTOFFS", "every-30-days",
                "CHURNWATCH_LABEL_HORIZON_DAYS", "0",
                "CHURNWATCH_INACTIVITY_OFFSETS_DAYS", "10, 20",
                "CHURNWATCH_MIN_EVENT_TIME", "2000-01-01T00:00:00Z",
                "CHURNWATCH_APPLICATION_SERVER", "localhost:8080"));
        assertThat(config.bootstrapServers()).isEqualTo("broker:29092");
        assertThat(config.processingGuarantee()).isEqualTo("at_least_once");
        assertThat(config.rocksDbCacheMb()).isEqualTo(128);
        assertThat(config.topology().features().grace()).isZero();
        assertThat(config.topology().features().timerMode()).isEqualTo(TimerMode.WALL_CLOCK);
        assertThat(config.topology().features().cutoffs().toString()).isEqualTo("every-30-days");
        assertThat(config.topology().features().inactivity().toString()).startsWith("offsets(days)=[10, 20]");
        assertThat(config.topology().validation().minEventTime()).isEqualTo(Instant.parse("2000-01-01T00:00:00Z"));
        assertThat(config.toStreamsProperties().get(StreamsConfig.APPLICATION_SERVER_CONFIG)).isEqualTo("localhost:8080");
    }

    @Test
    void theRecordCacheFollowsTheTimerModeUnlessSet() {
        assertThat(StreamsAppConfig.from(Map.of()).statestoreCacheMb()).as("replay").isEqualTo(16);
        assertThat(StreamsAppConfig.from(Map.of()).toStreamsProperties()
                .get(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG)).isEqualTo(16L << 20);
        assertThat(StreamsAppConfig.from(Map.of("CHURNWATCH_TIMER_MODE", "wall-clock")).statestoreCacheMb())
                .as("live").isZero();
        assertThat(StreamsAppConfig.from(Map.of("CHURNWATCH_TIMER_MODE", "wall-clock",
                "CHURNWATCH_STATESTORE_CACHE_MB", "8")).statestoreCacheMb()).isEqualTo(8);
        assertThatThrownBy(() -> StreamsAppConfig.from(Map.of("CHURNWATCH_STATESTORE_CACHE_MB", "lots")))
                .hasMessageContaining("CHURNWATCH_STATESTORE_CACHE_MB");
    }

    @Test
    void theLabelHorizonIsAddedToAnySchedule() {
        StreamsAppConfig config = StreamsAppConfig.from(Map.of(
                "CHURNWATCH_SNAPSHOT_CUTOFFS", "every-7-days", "CHURNWATCH_LABEL_HORIZON_DAYS", "30"));
        assertThat(config.topology().features().cutoffs().toString()).isEqualTo("every-7-days + 30-day label horizons");
    }

    @Test
    void aBadValueNamesItsVariable() {
        assertThatThrownBy(() -> StreamsAppConfig.from(Map.of("CHURNWATCH_REORDER_GRACE", "ten minutes")))
                .hasMessageContaining("CHURNWATCH_REORDER_GRACE").hasMessageContaining("10m");
        assertThatThrownBy(() -> StreamsAppConfig.from(Map.of("CHURNWATCH_PROCESSING_GUARANTEE", "exactly_once")))
                .hasMessageContaining("CHURNWATCH_PROCESSING_GUARANTEE");
        assertThatThrownBy(() -> StreamsAppConfig.from(Map.of("CHURNWATCH_TOPIC_PARTITIONS", "0")))
                .hasMessageContaining("must be positive");
        assertThatThrownBy(() -> StreamsAppConfig.from(Map.of("CHURNWATCH_LABEL_HORIZON_DAYS", "-90")))
                .hasMessageContaining("CHURNWATCH_LABEL_HORIZON_DAYS").hasMessageContaining("must not be negative");
    }

    @Test
    void durationsReadTheWaysPeopleWriteThem() {
        assertThat(Durations.parse("10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(Durations.parse("30d")).isEqualTo(Duration.ofDays(30));
        assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("PT1H")).isEqualTo(Duration.ofHours(1));
        assertThat(Durations.format(Duration.ofDays(30))).isEqualTo("30d");
        assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
    }
}
