package io.churnwatch.trainer.release;

import io.churnwatch.schemas.ModelRelease;
import io.churnwatch.schemas.Topics;
import io.churnwatch.schemas.serde.AvroSerdes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a release to the compacted {@code models} topic: always under {@code v<version>} (so history survives
 * compaction), then under {@code current} when promoted. The producer is idempotent with {@code acks=all}, so a
 * retry never duplicates or reorders the two records. Creates the topic (compacted, one partition so that
 * {@code current} and the versions share one order) when it is missing.
 */
public final class ReleasePublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReleasePublisher.class);
    /** A booster of a thousand trees is a few MiB in UBJSON: above Kafka's 1 MiB default. */
    static final int MAX_RELEASE_BYTES = 32 * 1024 * 1024;

    private final String bootstrapServers;
    private final short replicationFactor;
    private final KafkaProducer<String, ModelRelease> producer;

    public ReleasePublisher(String bootstrapServers, String schemaRegistryUrl, short replicationFactor) {
        this.bootstrapServers = bootstrapServers;
        this.replicationFactor = replicationFactor;
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "churnwatch-trainer-releases");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(MAX_RELEASE_BYTES));
        this.producer = new KafkaProducer<>(props, new StringSerializer(),
                AvroSerdes.of(ModelRelease.class, schemaRegistryUrl).serializer());
    }

    public void publish(ModelRelease release) {
        ensureTopic();
        try {
            Future<RecordMetadata> version = producer.send(
                    new ProducerRecord<>(Topics.MODELS, ReleaseKeys.version(release.getVersion()), release));
            Future<RecordMetadata> current = release.getPromoted()
                    ? producer.send(new ProducerRecord<>(Topics.MODELS, ReleaseKeys.CURRENT, release)) : null;
            producer.flush();
            RecordMetadata written = version.get();
            if (current != null) {
                current.get();
            }
            LOG.info("release v{} published to {} at offset {}{}", release.getVersion(), Topics.MODELS,
                    written.offset(), release.getPromoted() ? " and made current" : " (not promoted)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing release v" + release.getVersion(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not publish release v" + release.getVersion() + " to '"
                    + Topics.MODELS + "' on " + bootstrapServers + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    private void ensureTopic() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            if (admin.listTopics().names().get().contains(Topics.MODELS)) {
                return;
            }
            NewTopic topic = new NewTopic(Topics.MODELS, 1, replicationFactor).configs(Map.of(
                    TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                    TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(MAX_RELEASE_BYTES)));
            admin.createTopics(List.of(topic)).all().get();
            LOG.info("created topic '{}' (compacted, replication factor {})", Topics.MODELS, replicationFactor);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("could not create topic '" + Topics.MODELS + "' on "
                        + bootstrapServers + ": " + e.getCause().getMessage(), e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking topic " + Topics.MODELS, e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
