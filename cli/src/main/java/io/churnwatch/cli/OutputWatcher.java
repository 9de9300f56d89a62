package io.churnwatch.cli;

import io.churnwatch.schemas.ChurnAlert;
import io.churnwatch.schemas.ModelRelease;
import io.churnwatch.schemas.Reason;
import io.churnwatch.schemas.Topics;
import io.churnwatch.schemas.registry.SchemaRegistryClient;
import io.churnwatch.schemas.serde.AvroDeserializer;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Follows the system's output topics from the moment the demo starts and prints what arrives: each churn alert,
 * each promoted model and each dead-lettered record as it happens, and a running count per topic every few
 * seconds. Reads committed records only, so what it shows is what exactly-once consumers see.
 */
final class OutputWatcher implements AutoCloseable {

    private static final List<String> WATCHED = List.of(Topics.CUSTOMER_FEATURES, Topics.FEATURE_SNAPSHOTS,
            Topics.CUSTOMER_SCORES, Topics.CHURN_ALERTS, Topics.SEGMENT_CHANGES, Topics.MODELS, Topics.ORDERS_DLQ);
    private static final Duration REPORT_EVERY = Duration.ofSeconds(5);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final AvroDeserializer<ChurnAlert> alerts;
    private final AvroDeserializer<ModelRelease> releases;
    private final PrintStream out;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private final Thread thread;
    private final long sinceNanos;
    private volatile String firstAlerted;

    private OutputWatcher(String bootstrapServers, String schemaRegistryUrl, PrintStream out, long sinceNanos) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        SchemaRegistryClient registry = SchemaRegistryClient.forUrl(schemaRegistryUrl);
        this.alerts = new AvroDeserializer<>(ChurnAlert.class, registry);
        this.releases = new AvroDeserializer<>(ModelRelease.class, registry);
        this.out = out;
        this.sinceNanos = sinceNanos;
        WATCHED.forEach(topic -> counts.put(topic, 0L));
        this.thread = new Thread(this::follow, "churnwatch-demo-watcher");
        this.thread.setDaemon(true);
    }

    /**
     * Starts following; waits (up to a minute) for the serving node to have created every watched topic.
     * {@code sinceNanos} is the {@link System#nanoTime()} the time to the first alert is counted from.
     */
    static OutputWatcher start(String bootstrapServers, String schemaRegistryUrl, PrintStream out, long sinceNanos)
            throws InterruptedException {
        OutputWatcher watcher = new OutputWatcher(bootstrapServers, schemaRegistryUrl, out, sinceNanos);
        List<TopicPartition> partitions = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        for (String topic : WATCHED) {
            List<org.apache.kafka.common.PartitionInfo> found;
            while ((found = watcher.consumer.partitionsFor(topic)).isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("topic " + topic + " was not created within a minute");
                }
                Thread.sleep(200);
            }
            found.forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        watcher.consumer.assign(partitions);
        watcher.consumer.seekToEnd(partitions);
        watcher.thread.start();
        return watcher;
    }

    private void follow() {
        long nextReport = System.nanoTime() + REPORT_EVERY.toNanos();
        Map<String, Long> reported = new LinkedHashMap<>(counts);
        try {
            while (running.get()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    counts.merge(record.topic(), 1L, Long::sum);
                    show(record);
                }
                if (System.nanoTime() >= nextReport) {
                    if (!counts.equals(reported)) {
                        out.println("  … " + counts.entrySet().stream()
                                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(" · ")));
                        reported = new LinkedHashMap<>(counts);
                    }
                    nextReport = System.nanoTime() + REPORT_EVERY.toNanos();
                }
            }
        } catch (org.apache.kafka.common.errors.WakeupException e) {
            // close() asked us to stop.
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void show(ConsumerRecord<byte[], byte[]> record) {
        try {
            switch (record.topic()) {
                case Topics.CHURN_ALERTS -> {
                    ChurnAlert alert = alerts.deserialize(record.topic(), record.value());
                    out.println(describe(alert));
                    if (firstAlerted == null) {
                        firstAlerted = alert.getCustomerId();
                        out.printf(Locale.ROOT, "     (the first churn alert, %.0f s after the start)%n",
                                (System.nanoTime() - sinceNanos) / 1e9);
                    }
                }
                case Topics.MODELS -> {
                    ModelRelease release = releases.deserialize(record.topic(), record.value());
                    if (release != null && "current".equals(key(record))) {
                        out.printf(Locale.ROOT, "  ★ model v%d is live: threshold %.2f%n", release.getVersion(),
                                release.getThreshold());
                    }
                }
                case Topics.ORDERS_DLQ -> out.println("  ⚠ dead-lettered: " + header(record, "dlq.reason") + " — "
                        + header(record, "dlq.detail"));
                default -> {
                    // counted only
                }
            }
        } catch (RuntimeException e) {
            out.println("  (could not show a " + record.topic() + " record: " + e.getMessage() + ")");
        }
    }

    static String describe(ChurnAlert alert) {
        String reasons = alert.getReasons().stream().limit(2).map(Reason::getText).collect(Collectors.joining("; "));
        return String.format(Locale.ROOT, "  🔔 churn alert: customer %s  p=%.2f%s  at risk £%,.2f  %s  %s%n     %s",
                alert.getCustomerId(), alert.getProbability(),
                alert.getPreviousProbability() == null ? "" : String.format(Locale.ROOT, " (was %.2f)",
                        alert.getPreviousProbability()),
                alert.getValueAtRiskMinor() / 100.0, alert.getSegment() == null ? "" : alert.getSegment(),
                alert.getTreatment(), reasons);
    }

    private static String key(ConsumerRecord<byte[], byte[]> record) {
        return record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "?" : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The customer of the first alert the watcher saw, if any: a customer worth looking up. */
    java.util.Optional<String> firstAlertedCustomer() {
        return java.util.Optional.ofNullable(firstAlerted);
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        consumer.wakeup();
        thread.join(10_000);
    }
}
