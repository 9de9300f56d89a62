package io.churnwatch.serving.holdout;

import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.churnwatch.schemas.Topics;
import io.churnwatch.serving.streams.NodeUnavailableException;
import io.churnwatch.streams.config.StreamsAppConfig;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

/**
 * Writes operator settings to the compacted {@code churnwatch-settings} topic, from which every instance's scorer
 * reads them through a global store. Idempotent with {@code acks=all}: an answered write is on every in-sync
 * replica and a retry never duplicates or reorders it. Created on the first admin write, not at start.
 */
@Singleton
public class OperatorSettingsPublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OperatorSettingsPublisher.class);
    /** How long a write may take before the admin request gives up with a 503. */
    private static final long WRITE_TIMEOUT_MS = 15_000;

    private final String bootstrapServers;
    private final KafkaProducer<String, String> producer;

    public OperatorSettingsPublisher(StreamsAppConfig config) {
        this.bootstrapServers = config.bootstrapServers();
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "churnwatch-operator-settings");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        // A missing topic or an absent broker must not hold an HTTP request for the default minute.
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(WRITE_TIMEOUT_MS));
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(WRITE_TIMEOUT_MS));
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(WRITE_TIMEOUT_MS / 2));
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    /** Writes {@code name → value} and waits until the brokers have it; 503 when they cannot be reached. */
    public void publish(String name, String value) {
        try {
            RecordMetadata written = producer.send(new ProducerRecord<>(Topics.SETTINGS, name, value))
                    .get(WRITE_TIMEOUT_MS + 1_000, TimeUnit.MILLISECONDS);
            LOG.warn("Operator setting {} = {} written to {} at offset {}", name, value, Topics.SETTINGS,
                    written.offset());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NodeUnavailableException("interrupted while writing " + name, e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new NodeUnavailableException("could not write " + name + " to '" + Topics.SETTINGS + "' on "
                    + bootstrapServers + ": " + cause.getMessage(), cause);
        }
    }

    @PreDestroy
    @Override
    public void close() {
        producer.close();
    }
}
