package io.churnwatch.serving.streams;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.ProcessorStateException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.churnwatch.scoring.ScoringTopology;
import io.churnwatch.streams.TopicProvisioner;
import io.churnwatch.streams.config.StreamsAppConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

/**
 * The one Kafka Streams instance of this node, from creation to close. Until {@link #start} has run, and
 * whenever the instance is not RUNNING, {@link #running()} refuses with {@link NodeUnavailableException} (503).
 */
@Singleton
public class StreamsNode {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsNode.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration TOPICS_VISIBLE_TIMEOUT = Duration.ofSeconds(30);

    private final StreamsAppConfig config;
    private final Topology topology;
    private final TopologyStores stores;
    private final MeterRegistry meters;
    private volatile KafkaStreams streams;
    private volatile HostInfo self;
    private KafkaStreamsMetrics metrics;
    private boolean closed;

    public StreamsNode(StreamsAppConfig config, Topology topology, TopologyStores stores, MeterRegistry meters) {
        this.config = config;
        this.topology = topology;
        this.stores = stores;
        this.meters = meters;
    }

    /**
     * Creates missing topics (when configured to), then starts Kafka Streams announcing {@code self} as the
     * host that answers interactive queries for its partitions.
     */
    public synchronized void start(HostInfo advertised) {
        if (closed || streams != null) {
            return;
        }
        this.self = advertised;
        if (config.createTopics()) {
            provisionTopics();
        }
        verifyOrdersPartitions();
        Properties props = config.toStreamsProperties();
        props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, advertised.host() + ":" + advertised.port());
        KafkaStreams created = create(props);
        try {
            created.start();
        } catch (ProcessorStateException e) {
            // Killed while RocksDB was creating a store (a new window segment has no MANIFEST yet), the local
            // state cannot even be opened, and Kafka Streams opens every store at start. The changelogs hold all
            // of it: wipe this instance's local state and restore, as an operator would by hand.
            LOG.warn("Local state cannot be opened ({}); wiping it and restoring from the changelogs",
                    e.getMessage());
            created.close(Duration.ofSeconds(10));
            created = create(props);
            created.cleanUp();
            created.start();
        }
        streams = created;
        LOG.info("Kafka Streams started (application.id {}, answering queries as {}:{})", config.applicationId(),
                advertised.host(), advertised.port());
    }

    private KafkaStreams create(Properties props) {
        KafkaStreams created = new KafkaStreams(topology, props);
        // Bad records are dead-lettered before they can kill a thread, so what remains is transient (broker or
        // registry outage): replacing the thread retries from the last commit.
        created.setUncaughtExceptionHandler(exception -> {
            LOG.error("Stream thread failed; replacing it", exception);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        created.setStateListener((newState, oldState) -> LOG.info("Kafka Streams {} -> {}", oldState, newState));
        if (metrics != null) {
            metrics.close();
        }
        metrics = new KafkaStreamsMetrics(created);
        metrics.bindTo(meters);
        return created;
    }

    private void provisionTopics() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers()))) {
            TopicProvisioner.ensureTopics(admin, config.topicPartitions(), config.replicationFactor());
            Set<String> topics = new HashSet<>(TopicProvisioner.topics().keySet());
            if (stores.contains(ScoringTopology.CUSTOMER_SCORES_STORE)) {
                ScorerTopics.ensure(admin, config.topicPartitions(), config.replicationFactor());
                topics.addAll(ScorerTopics.NAMES);
            }
            TopicsVisible.await(admin, topics, TOPICS_VISIBLE_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (Exception e) {
            // Kafka Streams reports missing topics itself; the node keeps answering 503 meanwhile.
            LOG.error("Could not create the topics at {}: {}", config.bootstrapServers(), e.toString());
        }
    }

    /** Refuses to start on an {@code orders} topic whose partition count differs from the configured one. */
    private void verifyOrdersPartitions() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers()))) {
            TopicProvisioner.verifyOrdersPartitions(admin, config.topicPartitions());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking the orders topic", e);
        } catch (ExecutionException e) {
            // Unreachable broker: Kafka Streams retries on its own, and the node answers 503 meanwhile.
            LOG.warn("Could not check the partitions of the orders topic at {}: {}", config.bootstrapServers(),
                    e.getCause().toString());
        }
    }

    /** The instance, when it is RUNNING; otherwise a 503 naming the state. */
    public KafkaStreams running() {
        KafkaStreams current = streams;
        if (current == null) {
            throw new NodeUnavailableException("Kafka Streams has not started yet on this instance");
        }
        KafkaStreams.State state = current.state();
        if (state != KafkaStreams.State.RUNNING) {
            throw new NodeUnavailableException("Kafka Streams is " + state + " on this instance, not RUNNING");
        }
        return current;
    }

    /** The state, or empty before start. */
    public java.util.Optional<KafkaStreams.State> state() {
        KafkaStreams current = streams;
        return current == null ? java.util.Optional.empty() : java.util.Optional.of(current.state());
    }

    /** The host:port this instance announced as application.server; null before start. */
    public HostInfo self() {
        return self;
    }

    public TopologyStores stores() {
        return stores;
    }

    public StreamsAppConfig config() {
        return config;
    }

    @PreDestroy
    public synchronized void close() {
        closed = true;
        if (streams != null) {
            LOG.info("Closing Kafka Streams (leaving the group so the others take over its partitions at once)");
            // Without leaving, the group notices only after the session timeout (45 s), and the keys of this
            // instance answer 503 everywhere until then.
            streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                    .withTimeout(CLOSE_TIMEOUT));
        }
        if (metrics != null) {
            metrics.close();
        }
    }
}
