package io.churnwatch.serving;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import io.churnwatch.schemas.OrderEvent;
import io.churnwatch.schemas.Topics;
import io.churnwatch.streams.ChurnwatchSerdes;
import io.churnwatch.testing.KafkaTestCluster;

/**
 * A producer that keeps sending: {@code batch} orders every {@code period}, in the given order, on its own
 * thread, so that the node under test can be stopped while its input is still arriving.
 */
final class OrderFeed implements AutoCloseable {

    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "order-feed");
        thread.setDaemon(true);
        return thread;
    });
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final AtomicInteger sent = new AtomicInteger();
    private final KafkaProducer<String, byte[]> producer;

    private OrderFeed(KafkaTestCluster kafka) {
        Properties props = kafka.producerProps();
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        producer = new KafkaProducer<>(props);
    }

    static OrderFeed start(KafkaTestCluster kafka, String registryUrl, List<OrderEvent> orders, int batch,
                           Duration period) {
        OrderFeed feed = new OrderFeed(kafka);
        ChurnwatchSerdes serdes = ChurnwatchSerdes.forRegistryUrl(registryUrl);
        feed.ticker.scheduleAtFixedRate(() -> {
            try {
                int from = feed.sent.get();
                int to = Math.min(orders.size(), from + batch);
                for (OrderEvent order : orders.subList(from, to)) {
                    feed.producer.send(new ProducerRecord<>(Topics.ORDERS, order.getCustomerId(),
                            serdes.orders().serializer().serialize(Topics.ORDERS, order)));
                }
                feed.producer.flush();
                feed.sent.set(to);
                if (to == orders.size()) {
                    feed.done.complete(null);
                    feed.ticker.shutdown();
                }
            } catch (RuntimeException e) {
                feed.done.completeExceptionally(e);
                feed.ticker.shutdown();
            }
        }, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        return feed;
    }

    int sent() {
        return sent.get();
    }

    boolean finished() {
        return done.isDone();
    }

    /** Waits until every order is sent (and acknowledged); rethrows what stopped the feed. */
    void awaitFinished(Duration timeout) {
        try {
            done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the order feed did not finish: " + e, e);
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        producer.close(Duration.ofSeconds(10));
    }
}
