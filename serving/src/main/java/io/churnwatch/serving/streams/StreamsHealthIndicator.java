package io.churnwatch.serving.streams;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.streams.KafkaStreams;
import org.reactivestreams.Publisher;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;

/**
 * {@code /health} is UP only while Kafka Streams is RUNNING: a load balancer then sends queries only to
 * instances that can answer them (or forward them).
 */
@Singleton
public class StreamsHealthIndicator implements HealthIndicator {

    private final StreamsNode node;

    public StreamsHealthIndicator(StreamsNode node) {
        this.node = node;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        Map<String, Object> details = new LinkedHashMap<>();
        String state = node.state().map(Enum::name).orElse("NOT_STARTED");
        details.put("state", state);
        if (node.self() != null) {
            details.put("applicationServer", node.self().host() + ":" + node.self().port());
        }
        details.put("applicationId", node.config().applicationId());
        HealthStatus status = KafkaStreams.State.RUNNING.name().equals(state) ? HealthStatus.UP : HealthStatus.DOWN;
        return Publishers.just(HealthResult.builder("kafkaStreams", status).details(details).build());
    }
}
