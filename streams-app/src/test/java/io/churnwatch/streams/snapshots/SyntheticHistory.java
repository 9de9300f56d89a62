package io.churnwatch.streams.snapshots;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

import io.churnwatch.schemas.OrderEvent;
import io.churnwatch.schemas.OrderKind;
import io.churnwatch.schemas.OrderLine;
import io.churnwatch.streams.TestOrders;

/**
 * A seeded, messy year of orders: customers with their own rhythm and product range (some well past the exact
 * distinct-product limit), returns a few days after purchases, orders at the same instant, country moves,
 * and an arrival order that is shuffled (within a bound) and repeats some orders.
 */
final class SyntheticHistory {

    private static final long DAY = 86_400_000L;
    private static final long START = Instant.parse("2010-01-01T00:00:00Z").toEpochMilli();
    private static final long END = Instant.parse("2010-12-31T00:00:00Z").toEpochMilli();

    private SyntheticHistory() {
    }

    /** Events sorted by event time. */
    static List<OrderEvent> events(long seed, int customers) {
        Random random = new Random(seed);
        List<OrderEvent> events = new ArrayList<>();
        int orderNumber = 0;
        for (int c = 0; c < customers; c++) {
            String customer = "cust-" + c;
            double meanGapDays = 2 + random.nextDouble() * 60;
            int range = 5 + random.nextInt(random.nextInt(4) == 0 ? 200 : 30);
            String country = random.nextInt(5) == 0 ? "France" : "United Kingdom";
            String currency = random.nextInt(10) == 0 ? "EUR" : "GBP";
            long time = START + (long) (random.nextDouble() * 250 * DAY);
            while (time < END) {
                List<OrderLine> lines = new ArrayList<>();
                int lineCount = 1 + random.nextInt(6);
                for (int l = 0; l < lineCount; l++) {
                    lines.add(TestOrders.line("SKU-" + random.nextInt(range) * 7, 1 + random.nextInt(12),
                            25 + random.nextInt(2000)));
                }
                if (random.nextInt(30) == 0) {
                    country = country.equals("France") ? "Belgium" : "France";
                }
                events.add(order("INV" + orderNumber++, customer, time, OrderKind.PURCHASE, lines, country, currency));
                if (random.nextInt(8) == 0) {
                    long returnTime = time + (1 + random.nextInt(5)) * DAY + random.nextInt(3_600_000);
                    events.add(order("C" + orderNumber++, customer, returnTime, OrderKind.RETURN,
                            List.of(lines.get(0)), country, currency));
                }
                if (random.nextInt(25) == 0) {
                    // Two invoices at the very same instant.
                    events.add(order("INV" + orderNumber++, customer, time, OrderKind.PURCHASE,
                            List.of(TestOrders.line("SKU-X", 1, 99)), "Germany", currency));
                }
                time += (long) (-Math.log(1 - random.nextDouble()) * meanGapDays * DAY) + random.nextInt(60_000);
            }
        }
        events.sort(Comparator.comparing(OrderEvent::getEventTime).thenComparing(OrderEvent::getOrderId));
        return events;
    }

    private static OrderEvent order(String id, String customer, long time, OrderKind kind, List<OrderLine> lines,
                                    String country, String currency) {
        OrderEvent order = TestOrders.order(id, customer, Instant.ofEpochMilli(time), kind,
                lines.toArray(new OrderLine[0]));
        order.setCountry(country);
        order.setCurrency(currency);
        return order;
    }

    /**
     * The order a broker might deliver them in: each event delayed by less than {@code maxDelayMillis}, and about
     * one in twenty sent twice (a producer retry), all within the bound.
     */
    static List<OrderEvent> arrivalOrder(List<OrderEvent> events, long maxDelayMillis, long seed) {
        Random random = new Random(seed);
        TreeMap<Long, OrderEvent> byArrival = new TreeMap<>();
        for (OrderEvent event : events) {
            int copies = random.nextInt(20) == 0 ? 2 : 1;
            for (int i = 0; i < copies; i++) {
                long arrival = event.getEventTime().toEpochMilli() + (long) (random.nextDouble() * maxDelayMillis);
                while (byArrival.containsKey(arrival)) {
                    arrival++;
                }
                byArrival.put(arrival, event);
            }
        }
        return new ArrayList<>(byArrival.values());
    }
}
