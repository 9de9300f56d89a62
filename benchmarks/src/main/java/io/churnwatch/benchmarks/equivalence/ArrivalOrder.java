package io.churnwatch.benchmarks.equivalence;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

import io.churnwatch.schemas.OrderEvent;

/**
 * The order a broker might deliver events in: each one delayed by less than the grace (so the stream must put
 * it back in place), and about one in twenty sent twice (a producer retry the stream must drop).
 */
public final class ArrivalOrder {

    private ArrivalOrder() {
    }

    public static List<OrderEvent> shuffledWithinGrace(List<OrderEvent> events, long graceMillis, long seed) {
        if (graceMillis <= 0) {
            throw new IllegalArgumentException("shuffling needs a positive reorder grace");
        }
        Random random = new Random(seed);
        TreeMap<Long, OrderEvent> byArrival = new TreeMap<>();
        for (OrderEvent event : events) {
            int copies = random.nextInt(20) == 0 ? 2 : 1;
            for (int i = 0; i < copies; i++) {
                long arrival = event.getEventTime().toEpochMilli() + (long) (random.nextDouble() * (graceMillis - 1));
                while (byArrival.containsKey(arrival)) {
                    arrival++;
                }
                byArrival.put(arrival, event);
            }
        }
        return new ArrayList<>(byArrival.values());
    }
}
