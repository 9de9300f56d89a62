package io.churnwatch.producers.publish;

import io.churnwatch.schemas.OrderEvent;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends order events to Kafka keyed by customer id, so one customer's events stay in one partition in order.
 * Sends are asynchronous; callbacks count what the brokers confirmed and what failed. {@link #finish()} flushes
 * and reports.
 */
public final class OrderPublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OrderPublisher.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final Producer<String, OrderEvent> producer;
    private final String topic;
    private final AtomicLong attempted = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicReference<String> firstFailure = new AtomicReference<>();
    private final Callback callback = (metadata, exception) -> {
        if (exception == null) {
            acknowledged.incrementAndGet();
        } else {
            fail(exception);
        }
    };

    public OrderPublisher(Producer<String, OrderEvent> producer, String topic) {
        this.producer = producer;
        this.topic = topic;
    }

    /** A publisher over a new {@link KafkaProducer} with the settings' Avro serializer and idempotence. */
    public static OrderPublisher create(PublisherSettings settings) {
        return new OrderPublisher(new KafkaProducer<>(settings.producerProperties()), settings.topic());
    }

    /**
     * Hands an event to the producer. Errors (the schema registry unreachable, the topic missing) are counted,
     * not thrown: check {@link #hasFailed()} to stop early.
     */
    public void send(OrderEvent event) {
        attempted.incrementAndGet();
        try {
            producer.send(new ProducerRecord<>(topic, event.getCustomerId(), event), callback);
        } catch (KafkaException e) {
            fail(e);
        }
    }

    public boolean hasFailed() {
        return failed.get() > 0;
    }

    /** Events sent and not yet confirmed or failed. */
    public long inFlight() {
        return attempted.get() - acknowledged.get() - failed.get();
    }

    /** Waits until every send so far is confirmed or failed. */
    public PublishResult finish() {
        try {
            producer.flush();
        } catch (KafkaException e) {
            fail(e);
        }
        return result();
    }

    public PublishResult result() {
        return new PublishResult(attempted.get(), acknowledged.get(), failed.get(), firstFailure.get());
    }

    private void fail(Exception exception) {
        failed.incrementAndGet();
        String description = describe(exception);
        if (firstFailure.compareAndSet(null, description)) {
            LOG.debug("Publishing to '{}' failed: {}", topic, description, exception);
        }
    }

    private static String describe(Throwable exception) {
        StringBuilder text = new StringBuilder(exception.getClass().getSimpleName() + ": " + exception.getMessage());
        Throwable cause = exception.getCause();
        while (cause != null && cause != cause.getCause()) {
            text.append(" (caused by ").append(cause.getClass().getSimpleName()).append(": ")
                    .append(cause.getMessage()).append(')');
            cause = cause.getCause();
        }
        return text.toString();
    }

    @Override
    public void close() {
        producer.close(CLOSE_TIMEOUT);
    }
}
