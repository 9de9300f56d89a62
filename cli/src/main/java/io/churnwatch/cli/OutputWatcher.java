package io.churnwatch.cli;

import io.churnwatch.schemas.Topics;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Follows the system's output topics from the moment the demo starts and prints what arrives: a running count
 * per topic every few seconds, and each dead-lettered record with its reason. Reads committed records only, so
 * what it shows is what exactly-once consumers see.
 */
final class OutputWatcher implements AutoCloseable {

    private static final List<String> WATCHED = List.of(Topics.CUSTOMER_FEATURES, Topics.FEATURE_SNAPSHOTS,
            Topics.ORDERS_DLQ);
    private static final Duration REPORT_EVERY = Duration.ofSeconds(3);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final PrintStream out;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private final Thread thread;

    private OutputWatcher(String bootstrapServers, PrintStream out) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.out = out;
        WATCHED.forEach(topic -> counts.put(topic, 0L));
        this.thread = new Thread(this::follow, "churnwatch-demo-watcher");
        this.thread.setDaemon(true);
    }

    static OutputWatcher start(String bootstrapServers, String schemaRegistryUrl, PrintStream out) {
        OutputWatcher watcher = new OutputWatcher(bootstrapServers, out);
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : WATCHED) {
            watcher.consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
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
                    if (record.topic().equals(Topics.ORDERS_DLQ)) {
                        out.println("  ⚠ dead-lettered: " + header(record, "dlq.reason") + " — "
                                + header(record, "dlq.detail"));
                    }
                }
                if (System.nanoTime() >= nextReport) {
                    if (!counts.equals(reported)) {
                        StringBuilder line = new StringBuilder("  … ");
                        counts.forEach((topic, n) -> line.append(topic).append(' ').append(n).append("   "));
                        out.println(line.toString().stripTrailing());
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

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "?" : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        consumer.wakeup();
        thread.join(10_000);
    }
}
