package io.churnwatch.benchmarks.latency;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

import io.churnwatch.producers.publish.PublisherSettings;
import io.churnwatch.schemas.OrderEvent;
import io.churnwatch.schemas.Topics;

/**
 * Live orders at a fixed rate: every tick (a few ms) it sends as many orders as the rate says are due since the
 * start, so the load is steady at the millisecond scale rather than a burst each second, and a send that falls
 * behind is caught up at the next tick (the lag is reported). Orders are keyed by customer id with Kafka's
 * default partitioner, as every Java producer does, which lets them skip the topology's repartition hop.
 *
 * <p>The warm-up runs first; orders sent after it, until the end of the measured part, are the measured ones.
 */
final class SteadyLoad implements AutoCloseable {

    /**
     * What was sent in the measured part: orders (and how many of each role), the wall time it took, and the
     * largest lag behind schedule; {@code totalOrders} includes the warm-up.
     */
    record Summary(long measuredOrders, Map<LiveOrderMix.Role, Long> measuredByRole, Duration measuredTime,
                   long totalOrders, Duration maxLag) {
        double rate() {
            return measuredOrders / (measuredTime.toNanos() / 1e9);
        }
    }

    private final KafkaProducer<String, OrderEvent> producer;
    private final LiveOrderMix mix;
    private final SendLog sendLog;
    private final int rate;
    private final long tickNanos;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong measuredSent = new AtomicLong();
    private final Map<LiveOrderMix.Role, AtomicLong> measuredByRole = new EnumMap<>(LiveOrderMix.Role.class);
    private final AtomicLong failures = new AtomicLong();
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();
    private final Callback callback = (metadata, exception) -> {
        if (exception != null) {
            failures.incrementAndGet();
            firstFailure.compareAndSet(null, exception);
        }
    };

    SteadyLoad(String bootstrapServers, String registryUrl, int lingerMs, LiveOrderMix mix, SendLog sendLog, int rate,
               Duration tick) {
        Properties props = new PublisherSettings(bootstrapServers, registryUrl, Topics.ORDERS).producerProperties();
        // A shop's producer sends each order as it happens; the replay's 20 ms batching is for bulk loads.
        props.put(ProducerConfig.LINGER_MS_CONFIG, Integer.toString(lingerMs));
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "latency-load");
        this.producer = new KafkaProducer<>(props);
        this.mix = mix;
        this.sendLog = sendLog;
        this.rate = rate;
        this.tickNanos = tick.toNanos();
        for (LiveOrderMix.Role role : LiveOrderMix.Role.values()) {
            measuredByRole.put(role, new AtomicLong());
        }
    }

    /** Hears the load's phases, on the load's thread. */
    interface Listener {
        /** Whether the node has caught up with the load, so that measuring would see its steady state. */
        boolean caughtUp();

        /** The warm-up is over (caught up, or out of time): the next order sent is the first measured one. */
        void measuring(boolean caughtUp, Duration warmedUp);

        /** About every five seconds, with the seconds since the load began. */
        void progress(long seconds);
    }

    /**
     * Warms up for at least {@code minWarmup}, then until the listener says the node has caught up or
     * {@code maxWarmup} has passed, then sends for {@code measured} more; on the calling thread.
     */
    Summary run(Duration minWarmup, Duration maxWarmup, Duration measured, Listener listener) {
        long start = System.nanoTime();
        long earliest = start + minWarmup.toNanos();
        long latest = start + Math.max(minWarmup.toNanos(), maxWarmup.toNanos());
        long measureFrom = Long.MAX_VALUE;
        long end = Long.MAX_VALUE;
        long maxLagNanos = 0;
        long nextProgress = start + 5_000_000_000L;
        long count = 0;
        boolean measuring = false;
        for (long now = start; now < end; now = System.nanoTime()) {
            if (!measuring && now >= earliest) {
                boolean caughtUp = listener.caughtUp();
                if (caughtUp || now >= latest) {
                    measuring = true;
                    measureFrom = now;
                    end = now + measured.toNanos();
                    listener.measuring(caughtUp, Duration.ofNanos(now - start));
                }
            }
            long due = (long) ((now - start) / 1e9 * rate);
            if (measuring && due > count) {
                maxLagNanos = Math.max(maxLagNanos, (long) ((due - count - 1) / (double) rate * 1e9));
            }
            for (; count < due; count++) {
                send(measuring);
            }
            if (now >= nextProgress) {
                listener.progress((now - start) / 1_000_000_000L);
                nextProgress += 5_000_000_000L;
            }
            LockSupport.parkNanos(tickNanos);
        }
        producer.flush();
        Map<LiveOrderMix.Role, Long> byRole = new EnumMap<>(LiveOrderMix.Role.class);
        measuredByRole.forEach((role, sentOfRole) -> byRole.put(role, sentOfRole.get()));
        return new Summary(measuredSent.get(), byRole, Duration.ofNanos(end - measureFrom), count,
                Duration.ofNanos(Math.max(0, maxLagNanos)));
    }

    /** One order outside the measured load, sent at once: the probe that shows the release is loaded. */
    void sendOne() {
        send(false);
        producer.flush();
    }

    private void send(boolean measured) {
        long sentNanos = System.nanoTime();
        LiveOrderMix.Next next = mix.next(Instant.now());
        OrderEvent order = next.order();
        sendLog.sent(order.getCustomerId(),
                new SendLog.Sent(order.getEventTime().toEpochMilli(), sentNanos, next.role(), measured));
        producer.send(new ProducerRecord<>(Topics.ORDERS, order.getCustomerId(), order), callback);
        sent.incrementAndGet();
        if (measured) {
            measuredSent.incrementAndGet();
            measuredByRole.get(next.role()).incrementAndGet();
        }
    }

    /** Orders sent so far (warm-up and measured). */
    long sent() {
        return sent.get();
    }

    /** Measured orders sent so far. */
    long measuredSent() {
        return measuredSent.get();
    }

    int customers() {
        return mix.customers();
    }

    /** Fails the run when the broker refused orders: the figures would not be of the load asked for. */
    void check() {
        if (firstFailure.get() != null) {
            throw new IllegalStateException(failures.get() + " orders could not be sent: " + firstFailure.get(),
                    firstFailure.get());
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
