package io.churnwatch.benchmarks.throughput;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.churnwatch.streams.ChurnwatchSerdes;
import io.churnwatch.streams.ChurnwatchTopology;
import io.churnwatch.streams.config.StreamsAppConfig;
import io.churnwatch.streams.dedup.DedupProcessor;
import io.churnwatch.streams.features.CustomerFeaturesProcessor;
import io.churnwatch.streams.metrics.TaskCounters;

/**
 * One run of the real topology against the broker, from an empty application (new application id, empty state)
 * to the moment every order is processed and committed, with the streams app's own configuration
 * (exactly_once_v2 unless the environment says otherwise) plus the variant's settings.
 */
public final class TopologyRun {

    private static final Logger LOG = LoggerFactory.getLogger(TopologyRun.class);
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(30);
    private static final long POLL_MILLIS = 100;

    /** The figures of one run. {@code duration} runs from {@code start()} to everything committed. */
    public record Measured(TopologyVariant variant, String guarantee, Duration duration, Duration timeToRunning,
                           Duration streamThreadCpu, double snapshots, double timersFired, double late, double duplicates,
                           StoreFootprint.Logical logical, StoreFootprint.Physical physical) {
    }

    private TopologyRun() {
    }

    public static Measured run(BenchmarkCluster cluster, TopologyVariant variant, int partitions)
            throws InterruptedException {
        String applicationId = "churnwatch-bench-" + UUID.randomUUID().toString().substring(0, 8);
        Path stateDir = cluster.workDir().resolve("streams-state");
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putAll(variant.environment());
        env.put("CHURNWATCH_BOOTSTRAP_SERVERS", cluster.bootstrapServers());
        env.put("CHURNWATCH_SCHEMA_REGISTRY_URL", cluster.registryUrl());
        env.put("CHURNWATCH_APPLICATION_ID", applicationId);
        env.put("CHURNWATCH_STATE_DIR", stateDir.toString());
        env.put("CHURNWATCH_TOPIC_PARTITIONS", Integer.toString(partitions));
        StreamsAppConfig config = StreamsAppConfig.from(env);

        KafkaStreams streams = new KafkaStreams(
                ChurnwatchTopology.build(config.topology(), ChurnwatchSerdes.forRegistryUrl(config.schemaRegistryUrl())),
                config.toStreamsProperties());
        AtomicLong runningAt = new AtomicLong();
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.RUNNING) {
                runningAt.compareAndSet(0, System.nanoTime());
            }
        });
        CommitProgress progress = new CommitProgress(cluster.admin(), applicationId);
        long started = System.nanoTime();
        streams.start();
        try {
            long deadline = started + GIVE_UP_AFTER.toNanos();
            while (!progress.done()) {
                if (System.nanoTime() > deadline || streams.state() == KafkaStreams.State.ERROR) {
                    throw new IllegalStateException("the topology did not finish (state " + streams.state() + ")");
                }
                Thread.sleep(POLL_MILLIS);
            }
            Duration duration = Duration.ofNanos(System.nanoTime() - started);
            Duration toRunning = Duration.ofNanos(Math.max(0, runningAt.get() - started));
            Duration streamThreadCpu = ThreadCpu.streamThreads(applicationId);
            LOG.info("{}: every order committed after {} ms", variant.label(), duration.toMillis());
            StoreFootprint.Logical logical = StoreFootprint.logical(streams, CustomerFeaturesProcessor.STATE_STORE);
            double snapshots = counter(streams, CustomerFeaturesProcessor.SNAPSHOTS_METRIC);
            double timers = counter(streams, CustomerFeaturesProcessor.TIMERS_FIRED_METRIC);
            double late = counter(streams, CustomerFeaturesProcessor.LATE_METRIC);
            double duplicates = counter(streams, DedupProcessor.DUPLICATES_METRIC);
            streams.close(Duration.ofMinutes(2));
            StoreFootprint.Physical physical = StoreFootprint.physical(stateDir.resolve(applicationId),
                    CustomerFeaturesProcessor.STATE_STORE);
            return new Measured(variant, config.processingGuarantee(), duration, toRunning, streamThreadCpu, snapshots, timers, late,
                    duplicates, logical, physical);
        } finally {
            streams.close(Duration.ofMinutes(2));
        }
    }

    private static double counter(KafkaStreams streams, String name) {
        double total = 0;
        for (Map.Entry<MetricName, ? extends Metric> entry : streams.metrics().entrySet()) {
            if (entry.getKey().group().equals(TaskCounters.GROUP) && entry.getKey().name().equals(name + "-total")) {
                total += ((Number) entry.getValue().metricValue()).doubleValue();
            }
        }
        return total;
    }
}
