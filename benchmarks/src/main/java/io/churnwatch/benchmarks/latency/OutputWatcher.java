package io.churnwatch.benchmarks.latency;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.churnwatch.schemas.ChurnAlert;
import io.churnwatch.schemas.CustomerScore;
import io.churnwatch.schemas.Topics;
import io.churnwatch.schemas.TreatmentGroup;
import io.churnwatch.scoring.ScoringSerdes;

/**
 * Reads {@code customer-scores} and {@code churn-alerts} as a CRM would, {@code read_committed} (so an output
 * counts only once its transaction has committed), with fetches answered as soon as anything is readable, and
 * turns each output of a measured order into a latency: the moment the poll returned it minus the moment the
 * order was sent.
 */
final class OutputWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutputWatcher.class);
    private static final Duration POLL = Duration.ofMillis(50);

    private final KafkaConsumer<String, byte[]> consumer;
    private final Deserializer<CustomerScore> scores;
    private final Deserializer<ChurnAlert> alerts;
    private final SendLog sendLog;
    private final LatencySamples toScore = new LatencySamples();
    private final LatencySamples toAlert = new LatencySamples();
    private final AtomicLong scoresRead = new AtomicLong();
    private final AtomicLong scoresWithModel = new AtomicLong();
    private final AtomicLong scoresUnmatched = new AtomicLong();
    private final AtomicLong alertsRead = new AtomicLong();
    private final AtomicLong alertsUnmatched = new AtomicLong();
    private final AtomicLong holdoutAlerts = new AtomicLong();
    private final EnumMap<LiveOrderMix.Role, AtomicLong> alertsByRole = new EnumMap<>(LiveOrderMix.Role.class);
    private final Thread thread;
    private volatile Throwable failure;

    OutputWatcher(String bootstrapServers, int partitions, ScoringSerdes serdes, SendLog sendLog) {
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, "latency-watcher",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> assigned = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            assigned.add(new TopicPartition(Topics.CUSTOMER_SCORES, p));
            assigned.add(new TopicPartition(Topics.CHURN_ALERTS, p));
        }
        consumer.assign(assigned);
        this.scores = serdes.scores().deserializer();
        this.alerts = serdes.alerts().deserializer();
        this.sendLog = sendLog;
        for (LiveOrderMix.Role role : LiveOrderMix.Role.values()) {
            alertsByRole.put(role, new AtomicLong());
        }
        this.thread = new Thread(this::run, "latency-watcher");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
                long receivedNanos = System.nanoTime();
                for (ConsumerRecord<String, byte[]> record : records) {
                    if (record.value() == null) {
                        continue;
                    }
                    if (record.topic().equals(Topics.CUSTOMER_SCORES)) {
                        onScore(scores.deserialize(record.topic(), record.headers(), record.value()), receivedNanos);
                    } else {
                        onAlert(alerts.deserialize(record.topic(), record.headers(), record.value()), receivedNanos);
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            failure = e;
            LOG.error("The output watcher stopped: {}", e.toString(), e);
        }
    }

    private void onScore(CustomerScore score, long receivedNanos) {
        scoresRead.incrementAndGet();
        if (score.getModelVersion() != null) {
            scoresWithModel.incrementAndGet();
        }
        Optional<SendLog.Sent> order = sendLog.scored(score.getCustomerId(), score.getScoredAt().toEpochMilli());
        if (order.isEmpty()) {
            scoresUnmatched.incrementAndGet();
        } else if (order.get().measured()) {
            toScore.add((receivedNanos - order.get().sentNanos()) / 1_000);
        }
    }

    private void onAlert(ChurnAlert alert, long receivedNanos) {
        alertsRead.incrementAndGet();
        Optional<SendLog.Sent> order = sendLog.alerted(alert.getCustomerId(), alert.getEventTime().toEpochMilli());
        if (order.isEmpty()) {
            alertsUnmatched.incrementAndGet();
        } else if (order.get().measured()) {
            toAlert.add((receivedNanos - order.get().sentNanos()) / 1_000);
            alertsByRole.get(order.get().role()).incrementAndGet();
            if (alert.getTreatment() == TreatmentGroup.HOLDOUT) {
                holdoutAlerts.incrementAndGet();
            }
        }
    }

    /** Fails the run if the reader died: its figures would be short. */
    void check() {
        if (failure != null) {
            throw new IllegalStateException("the output watcher failed: " + failure, failure);
        }
    }

    LatencySamples toScore() {
        return toScore;
    }

    LatencySamples toAlert() {
        return toAlert;
    }

    long scoresRead() {
        return scoresRead.get();
    }

    long scoresWithModel() {
        return scoresWithModel.get();
    }

    /** Scores that no pending order accounts for (e.g. inactivity re-evaluations, when timers can fire). */
    long scoresUnmatched() {
        return scoresUnmatched.get();
    }

    long alertsRead() {
        return alertsRead.get();
    }

    long alertsUnmatched() {
        return alertsUnmatched.get();
    }

    /** Measured alerts whose customer is in the control group (sent all the same; the CRM must not act). */
    long holdoutAlerts() {
        return holdoutAlerts.get();
    }

    /** Measured alerts by the role of the order that raised them. */
    Map<LiveOrderMix.Role, Long> alertsByRole() {
        Map<LiveOrderMix.Role, Long> counts = new EnumMap<>(LiveOrderMix.Role.class);
        alertsByRole.forEach((role, count) -> counts.put(role, count.get()));
        return counts;
    }

    @Override
    public void close() {
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumer.close(Duration.ofSeconds(5));
    }
}
