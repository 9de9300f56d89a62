package io.churnwatch.streams;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;

import io.churnwatch.schemas.CustomerFeatures;
import io.churnwatch.schemas.FeatureSnapshot;
import io.churnwatch.schemas.OrderEvent;
import io.churnwatch.schemas.Topics;
import io.churnwatch.streams.config.StreamsAppConfig;
import io.churnwatch.streams.features.CustomerFeaturesProcessor;
import io.churnwatch.streams.features.CustomerState;
import io.churnwatch.streams.metrics.TaskCounters;
import io.churnwatch.streams.refresh.RefreshTrigger;

/** The real topology in a TopologyTestDriver, with an in-memory registry of its own. */
public final class TopologyHarness implements AutoCloseable {

    public final ChurnwatchSerdes serdes;
    public final TopologyTestDriver driver;
    public final TestInputTopic<String, byte[]> orders;
    public final TestOutputTopic<String, CustomerFeatures> features;
    public final TestOutputTopic<String, FeatureSnapshot> snapshots;
    public final TestOutputTopic<String, byte[]> dlq;
    private final Path stateDir;

    public TopologyHarness(TopologySettings settings) {
        this(settings, Instant.parse("2012-06-01T00:00:00Z"));
    }

    public TopologyHarness(TopologySettings settings, Instant wallClock) {
        this(settings, wallClock, RefreshTrigger.NONE);
    }

    /** With every customer's features emitted again whenever {@code refresh} moves on. */
    public TopologyHarness(TopologySettings settings, Instant wallClock, RefreshTrigger refresh) {
        this.serdes = ChurnwatchSerdes.forRegistryUrl("mock://" + UUID.randomUUID());
        try {
            this.stateDir = Files.createTempDirectory("churnwatch-ttd");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        Properties props = StreamsAppConfig.from(java.util.Map.of()).toStreamsProperties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "ttd-" + UUID.randomUUID());
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
        StreamsBuilder builder = new StreamsBuilder();
        ChurnwatchTopology.buildFeatures(builder, settings, serdes, refresh);
        this.driver = new TopologyTestDriver(builder.build(), props, wallClock);
        this.orders = driver.createInputTopic(Topics.ORDERS, new StringSerializer(), new ByteArraySerializer());
        this.features = driver.createOutputTopic(Topics.CUSTOMER_FEATURES, new StringDeserializer(),
                serdes.features().deserializer());
        this.snapshots = driver.createOutputTopic(Topics.FEATURE_SNAPSHOTS, new StringDeserializer(),
                serdes.snapshots().deserializer());
        this.dlq = driver.createOutputTopic(Topics.ORDERS_DLQ, new StringDeserializer(), new ByteArrayDeserializer());
    }

    public byte[] encode(OrderEvent order) {
        return serdes.orders().serializer().serialize(Topics.ORDERS, order);
    }

    public void send(OrderEvent order) {
        orders.pipeInput(order.getCustomerId(), encode(order), order.getEventTime());
    }

    public void sendAll(List<OrderEvent> events) {
        events.forEach(this::send);
    }

    public void sendRaw(String key, byte[] value) {
        orders.pipeInput(key, value);
    }

    public void advanceWallClock(Duration duration) {
        driver.advanceWallClockTime(duration);
    }

    public List<KeyValue<String, CustomerFeatures>> readFeatures() {
        return features.readKeyValuesToList();
    }

    public List<TestRecord<String, FeatureSnapshot>> readSnapshots() {
        return snapshots.readRecordsToList();
    }

    public KeyValueStore<String, CustomerState> stateStore() {
        return driver.getKeyValueStore(CustomerFeaturesProcessor.STATE_STORE);
    }

    /** The sum over tasks of a churnwatch counter ({@code <name>-total}). */
    public double counter(String name) {
        double total = 0;
        for (var entry : driver.metrics().entrySet()) {
            MetricName metricName = entry.getKey();
            if (metricName.group().equals(TaskCounters.GROUP) && metricName.name().equals(name + "-total")) {
                total += ((Number) ((Metric) entry.getValue()).metricValue()).doubleValue();
            }
        }
        return total;
    }

    @Override
    public void close() {
        driver.close();
        try (var files = Files.walk(stateDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (java.io.IOException e) {
            // best effort cleanup of a temp dir
        }
    }
}
