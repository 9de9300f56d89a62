package io.churnwatch.producers.source;

import io.churnwatch.schemas.OrderEvent;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.PriorityQueue;

/**
 * Puts finished orders back into event-time order. Orders arrive roughly in time order (files sorted by time,
 * with invoices that interleave or finish late); each is held until the input has moved {@code holdMillis} past it
 * and no order still being assembled can start earlier, then released earliest first. Ties keep arrival order.
 * An order that arrives after later ones were already released goes out anyway (the summary counts it as out of
 * order): holding everything would need the whole file in memory.
 */
public final class EventTimeOrderer {

    private record Held(OrderEvent event, long time, long sequence) {
    }

    private static final Comparator<Held> EARLIEST_FIRST =
            Comparator.comparingLong(Held::time).thenComparingLong(Held::sequence);

    private final long holdMillis;
    private final PriorityQueue<Held> held = new PriorityQueue<>(EARLIEST_FIRST);
    private final Deque<OrderEvent> ready = new ArrayDeque<>();
    private long sequence;

    public EventTimeOrderer(long holdMillis) {
        this.holdMillis = holdMillis;
    }

    public void add(OrderEvent event) {
        held.add(new Held(event, event.getEventTime().toEpochMilli(), sequence++));
    }

    /**
     * Releases what can no longer be overtaken.
     *
     * @param inputTime           the event time of the input line just read
     * @param earliestOpenOrderTime the earliest start of an order still being assembled, or {@code Long.MAX_VALUE}
     */
    public void advance(long inputTime, long earliestOpenOrderTime) {
        long releaseUpTo = Math.min(subtractSaturating(inputTime, holdMillis), earliestOpenOrderTime - 1);
        while (!held.isEmpty() && held.peek().time() <= releaseUpTo) {
            ready.add(held.poll().event());
        }
    }

    /** At the end of the input: everything held is ready. */
    public void flush() {
        while (!held.isEmpty()) {
            ready.add(held.poll().event());
        }
    }

    /** The next released order, or null if none is ready yet. */
    public OrderEvent poll() {
        return ready.poll();
    }

    public boolean hasReady() {
        return !ready.isEmpty();
    }

    private static long subtractSaturating(long a, long b) {
        long r = a - b;
        return ((a ^ b) & (a ^ r)) < 0 ? Long.MIN_VALUE : r;
    }
}
