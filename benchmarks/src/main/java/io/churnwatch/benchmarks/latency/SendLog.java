package io.churnwatch.benchmarks.latency;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every order sent and not yet seen scored, per customer, in send order; and the last few orders each customer's
 * scores were matched to, for the alerts that arrive after their score.
 *
 * <p>Matching is by customer and time, not by exact event time. A score carries the event time of the features
 * it scored: the order's own event time when the order was applied in time, but the task's released watermark
 * (a later wall-clock instant) when the order arrived after the watermark had passed it, which with no reorder
 * grace is what happens to most orders (all but the first of each poll). Since one customer's orders are applied in
 * send order (one producer, one partition, no grace), a score of customer C stamped {@code s} belongs to C's oldest
 * pending order with event time at or before {@code s}. An alert goes out with the score that raised it, stamped
 * alike.
 */
final class SendLog {

    /** One order sent: its event time (epoch ms), {@code System.nanoTime()} just before the send, why it was
     *  sent, and whether it falls in the measured part of the load. */
    record Sent(long eventTimeMillis, long sentNanos, LiveOrderMix.Role role, boolean measured) {
    }

    /** A score matched to its order, kept to match the alert of the same order. */
    private record Matched(long scoredAtMillis, Sent order) {
    }

    private static final int RECENT = 4;

    private final ConcurrentHashMap<String, Customer> customers = new ConcurrentHashMap<>();
    private final AtomicLong pendingMeasured = new AtomicLong();

    /** Called by the load just before the order is handed to the producer, so no output can precede it. */
    void sent(String customerId, Sent order) {
        Customer customer = customers.computeIfAbsent(customerId, id -> new Customer());
        synchronized (customer) {
            customer.pending.addLast(order);
        }
        if (order.measured()) {
            pendingMeasured.incrementAndGet();
        }
    }

    /** The order a score of {@code customerId} stamped {@code scoredAtMillis} belongs to, now no longer pending. */
    Optional<Sent> scored(String customerId, long scoredAtMillis) {
        Customer customer = customers.get(customerId);
        if (customer == null) {
            return Optional.empty();
        }
        Sent order;
        synchronized (customer) {
            order = customer.pending.peekFirst();
            if (order == null || order.eventTimeMillis() > scoredAtMillis) {
                return Optional.empty();
            }
            customer.pending.removeFirst();
            customer.remember(new Matched(scoredAtMillis, order));
        }
        if (order.measured()) {
            pendingMeasured.decrementAndGet();
        }
        return Optional.of(order);
    }

    /** The order an alert of {@code customerId} stamped {@code eventTimeMillis} was raised by. */
    Optional<Sent> alerted(String customerId, long eventTimeMillis) {
        Customer customer = customers.get(customerId);
        if (customer == null) {
            return Optional.empty();
        }
        synchronized (customer) {
            for (Iterator<Matched> recent = customer.recent.descendingIterator(); recent.hasNext(); ) {
                Matched matched = recent.next();
                if (matched.scoredAtMillis() == eventTimeMillis) {
                    return Optional.of(matched.order());
                }
            }
            // The alert was read before its score (two topics, one transaction): the score will match the same.
            Sent first = customer.pending.peekFirst();
            return first != null && first.eventTimeMillis() <= eventTimeMillis ? Optional.of(first) : Optional.empty();
        }
    }

    /** Measured orders sent whose score has not been read yet. */
    long pendingMeasured() {
        return pendingMeasured.get();
    }

    private static final class Customer {
        final ArrayDeque<Sent> pending = new ArrayDeque<>(2);
        final ArrayDeque<Matched> recent = new ArrayDeque<>(RECENT);

        void remember(Matched matched) {
            if (recent.size() == RECENT) {
                recent.removeFirst();
            }
            recent.addLast(matched);
        }
    }
}
