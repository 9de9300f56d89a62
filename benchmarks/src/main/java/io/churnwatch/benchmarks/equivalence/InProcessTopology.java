package io.churnwatch.benchmarks.equivalence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

import io.churnwatch.schemas.CustomerFeatures;
import io.churnwatch.schemas.FeatureSnapshot;
import io.churnwatch.schemas.OrderEvent;
import io.churnwatch.schemas.Topics;
import io.churnwatch.streams.ChurnwatchSerdes;
import io.churnwatch.streams.ChurnwatchTopology;
import io.churnwatch.streams.TopologySettings;
import io.churnwatch.streams.config.StreamsAppConfig;
import io.churnwatch.streams.metrics.TaskCounters;

/**
 * The real topology ({@link ChurnwatchTopology#build}) in a {@link TopologyTestDriver}, with an in-memory
 * {@code mock://} registry and RocksDB stores in a temporary directory. Orders go in encoded in the wire format,
 * as a producer would send them. Output that is not wanted is drained as it comes, so memory stays flat.
 */
public final class InProcessTopology implements AutoCloseable {

    private final ChurnwatchSerdes serdes;
    private final TopologyTestDriver driver;
    private final TestInputTopic<String, byte[]> orders;
    private final TestOutputTopic<String, CustomerFeatures> features;
    private final TestOutputTopic<String, FeatureSnapshot> snapshots;
    private final TestOutputTopic<String, byte[]> dlq;
    private final Path stateDir;
    private long featureRecords;
    private long deadLetters;

    public InProcessTopology(TopologySettings settings) {
        this.serdes = ChurnwatchSerdes.forRegistryUrl("mock://equivalence-" + UUID.randomUUID());
        try {
            this.stateDir = Files.createTempDirectory("churnwatch-equivalence");
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a temporary state directory", e);
        }
        Properties props = StreamsAppConfig.from(Map.of()).toStreamsProperties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "equivalence-" + UUID.randomUUID());
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        // The driver processes each record synchronously; transactions would add nothing here.
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
        this.driver = new TopologyTestDriver(ChurnwatchTopology.build(settings, serdes), props,
                Instant.parse("2012-06-01T00:00:00Z"));
        this.orders = driver.createInputTopic(Topics.ORDERS, new StringSerializer(), new ByteArraySerializer());
        this.features = driver.createOutputTopic(Topics.CUSTOMER_FEATURES, new StringDeserializer(),
                serdes.features().deserializer());
        this.snapshots = driver.createOutputTopic(Topics.FEATURE_SNAPSHOTS, new StringDeserializer(),
                serdes.snapshots().deserializer());
        this.dlq = driver.createOutputTopic(Topics.ORDERS_DLQ, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** Sends one order, keyed and timestamped as the producers do. */
    public void send(OrderEvent order) {
        byte[] value = serdes.orders().serializer().serialize(Topics.ORDERS, order);
        orders.pipeInput(order.getCustomerId(), value, order.getEventTime());
    }

    /** Snapshots emitted since the last call, in emission order; features and dead letters are only counted. */
    public List<FeatureSnapshot> drain() {
        featureRecords += features.getQueueSize();
        features.readRecordsToList();
        deadLetters += dlq.getQueueSize();
        dlq.readRecordsToList();
        List<FeatureSnapshot> result = new ArrayList<>();
        snapshots.readRecordsToList().forEach(record -> result.add(record.value()));
        return result;
    }

    public long featureRecords() {
        return featureRecords;
    }

    public long deadLetters() {
        return deadLetters;
    }

    /** The sum over tasks of a churnwatch counter ({@code <name>-total}), e.g. late-beyond-grace. */
    public double counter(String name) {
        double total = 0;
        for (Map.Entry<MetricName, ? extends Metric> entry : driver.metrics().entrySet()) {
            MetricName metricName = entry.getKey();
            if (metricName.group().equals(TaskCounters.GROUP) && metricName.name().equals(name + "-total")) {
                total += ((Number) entry.getValue().metricValue()).doubleValue();
            }
        }
        return total;
    }

    @Override
    public void close() {
        driver.close();
        try (Stream<Path> files = Files.walk(stateDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is no reason to fail the report
        }
    }
}
