package io.churnwatch.benchmarks.throughput;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.churnwatch.producers.publish.OrderPublisher;
import io.churnwatch.producers.publish.PublishResult;
import io.churnwatch.producers.publish.PublisherSettings;
import io.churnwatch.producers.source.OrderSource;
import io.churnwatch.schemas.OrderEvent;
import io.churnwatch.schemas.Topics;

/** Publishes every order of a source to {@code orders} with the producers' publisher (Avro, keyed by customer). */
public final class OrderLoad {

    private static final Logger LOG = LoggerFactory.getLogger(OrderLoad.class);

    /** What was published. */
    public record Loaded(long orders, long lines, long customers, Duration duration) {
    }

    private OrderLoad() {
    }

    public static Loaded publish(OrderSource source, String bootstrapServers, String registryUrl) {
        long started = System.nanoTime();
        long orders = 0;
        long lines = 0;
        Set<String> customers = new HashSet<>();
        try (source; OrderPublisher publisher = OrderPublisher.create(
                new PublisherSettings(bootstrapServers, registryUrl, Topics.ORDERS))) {
            while (source.hasNext()) {
                OrderEvent order = source.next();
                publisher.send(order);
                orders++;
                lines += order.getLines().size();
                customers.add(order.getCustomerId());
                if (orders % 250_000 == 0) {
                    LOG.info("Published {} orders", orders);
                }
                if (publisher.hasFailed()) {
                    break;
                }
            }
            PublishResult result = publisher.finish();
            if (result.failed() > 0 || result.acknowledged() != orders) {
                throw new IllegalStateException("publishing failed: " + result);
            }
        }
        return new Loaded(orders, lines, customers.size(), Duration.ofNanos(System.nanoTime() - started));
    }
}
