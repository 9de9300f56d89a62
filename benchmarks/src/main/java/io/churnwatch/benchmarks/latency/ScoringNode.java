package io.churnwatch.benchmarks.latency;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.KStream;

import io.churnwatch.schemas.CustomerFeatures;
import io.churnwatch.scoring.ScoringSerdes;
import io.churnwatch.scoring.ScoringSettings;
import io.churnwatch.scoring.ScoringTopology;
import io.churnwatch.scoring.release.CurrentRelease;
import io.churnwatch.scoring.release.ReleaseGeneration;
import io.churnwatch.streams.ChurnwatchSerdes;
import io.churnwatch.streams.ChurnwatchTopology;
import io.churnwatch.streams.config.StreamsAppConfig;
import io.churnwatch.streams.metrics.TaskCounters;

/**
 * The system under test: the topology a serving node runs (the streams app's features with the scorer attached,
 * as {@code serving}'s StreamsFactory builds it) in one {@link KafkaStreams} in this JVM, configured from the
 * streams app's and the scorer's {@code CHURNWATCH_*} variables as a node would be.
 */
final class ScoringNode implements AutoCloseable {

    /**
     * Live operation, unless the caller's environment says otherwise: inactivity on the wall clock, orders applied
     * on arrival (a reorder grace holds every order back by itself), and no timers from mean purchase gaps, which
     * orders seconds apart would shrink to seconds (see the README). No refresh sweep: the release stays the same
     * throughout, so the one sweep at start would only re-score the probe customers, scores no order accounts for.
     */
    static final Map<String, String> LIVE_DEFAULTS = Map.of(
            "CHURNWATCH_TIMER_MODE", "wall-clock",
            "CHURNWATCH_REORDER_GRACE", "0",
            "CHURNWATCH_INACTIVITY_GAP_MULTIPLIER", "0",
            "CHURNWATCH_REFRESH_PER_SECOND", "0");

    private final KafkaStreams streams;
    private final StreamsAppConfig config;
    private final ScoringSettings scoring;
    private final Map<String, String> environment;
    private final String clientId;

    private ScoringNode(KafkaStreams streams, StreamsAppConfig config, ScoringSettings scoring,
                        Map<String, String> environment, String clientId) {
        this.clientId = clientId;
        this.streams = streams;
        this.config = config;
        this.scoring = scoring;
        this.environment = environment;
    }

    /** Builds the node; {@code callerEnvironment} is usually {@code System.getenv()}. */
    static ScoringNode create(String bootstrapServers, String registryUrl, int partitions, Path stateDir,
                              Map<String, String> callerEnvironment) {
        Map<String, String> env = new HashMap<>(LIVE_DEFAULTS);
        callerEnvironment.forEach((name, value) -> {
            if (name.startsWith("CHURNWATCH_")) {
                env.put(name, value);
            }
        });
        env.put("CHURNWATCH_BOOTSTRAP_SERVERS", bootstrapServers);
        env.put("CHURNWATCH_SCHEMA_REGISTRY_URL", registryUrl);
        env.put("CHURNWATCH_APPLICATION_ID", "churnwatch-latency-" + UUID.randomUUID().toString().substring(0, 8));
        env.put("CHURNWATCH_STATE_DIR", stateDir.toString());
        env.put("CHURNWATCH_TOPIC_PARTITIONS", Integer.toString(partitions));
        StreamsAppConfig config = StreamsAppConfig.from(env);
        ScoringSettings scoring = ScoringSettings.from(env);
        ChurnwatchSerdes serdes = ChurnwatchSerdes.forRegistryUrl(config.schemaRegistryUrl());
        StreamsBuilder builder = new StreamsBuilder();
        // As the serving node builds it: a new release re-scores every customer.
        CurrentRelease current = ScoringTopology.currentRelease(scoring);
        KStream<String, CustomerFeatures> features = ChurnwatchTopology.buildFeatures(builder, config.topology(),
                serdes, new ReleaseGeneration(current)::of);
        ScoringTopology.attach(builder, features, current, scoring, ScoringSerdes.using(serdes.registry()));
        Properties props = config.toStreamsProperties();
        // Only names change: stream threads become '<client.id>-StreamThread-n', short enough for the kernel's
        // 15-character thread names to tell them apart (CpuClock reads their run-queue waits there).
        String clientId = "lat-" + UUID.randomUUID().toString().substring(0, 4);
        props.put(StreamsConfig.CLIENT_ID_CONFIG, clientId);
        KafkaStreams streams = new KafkaStreams(builder.build(), props);
        return new ScoringNode(streams, config, scoring, env, clientId);
    }

    /** Starts and waits until every task is RUNNING (the global {@code models} store restored by then). */
    void startAndAwaitRunning(Duration timeout) throws InterruptedException {
        streams.start();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING) {
            if (streams.state() == KafkaStreams.State.ERROR || System.nanoTime() > deadline) {
                throw new IllegalStateException("the topology did not reach RUNNING (state " + streams.state() + ")");
            }
            Thread.sleep(50);
        }
    }

    void checkAlive() {
        KafkaStreams.State state = streams.state();
        if (state == KafkaStreams.State.ERROR || state == KafkaStreams.State.PENDING_ERROR
                || state == KafkaStreams.State.NOT_RUNNING) {
            throw new IllegalStateException("the topology stopped (state " + state + ")");
        }
    }

    /** The Kafka Streams client.id, the prefix of the stream threads' names. */
    String clientId() {
        return clientId;
    }

    /** The settings that shape latency, for the report. */
    Map<String, String> describe() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("processing guarantee", config.processingGuarantee());
        settings.put("commit interval", config.commitInterval().toMillis() + " ms");
        settings.put("stream threads", Integer.toString(config.streamThreads()));
        settings.put("record cache", config.statestoreCacheMb() + " MiB");
        settings.put("timer mode", environment.get("CHURNWATCH_TIMER_MODE"));
        settings.put("reorder grace", config.topology().features().grace().toMillis() + " ms");
        settings.put("inactivity gap multiplier", environment.get("CHURNWATCH_INACTIVITY_GAP_MULTIPLIER"));
        settings.put("churn engine", scoring.churnEngine().name().toLowerCase(java.util.Locale.ROOT));
        return settings;
    }

    /** The sum over tasks of a churnwatch counter ({@code <name>-total}), e.g. late-beyond-grace. */
    double counter(String name) {
        double total = 0;
        for (Map.Entry<MetricName, ? extends Metric> entry : streams.metrics().entrySet()) {
            if (entry.getKey().group().equals(TaskCounters.GROUP) && entry.getKey().name().equals(name + "-total")) {
                total += ((Number) entry.getValue().metricValue()).doubleValue();
            }
        }
        return total;
    }

    @Override
    public void close() {
        streams.close(Duration.ofMinutes(1));
    }
}
