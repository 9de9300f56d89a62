package io.churnwatch.streams.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.churnwatch.schemas.OrderEvent;
import io.churnwatch.schemas.OrderKind;
import io.churnwatch.schemas.OrderLine;

/**
 * An independent batch computation of the snapshot features, straight from the raw events, written from the
 * documented definitions (FeatureCalculator's javadoc and CustomerFeatures.avsc) without touching the
 * streaming state classes. Whatever the topology emits for a cutoff must match this.
 */
public final class BatchFeatures {

    public static final long DAY = 86_400_000L;

    /** The batch's view of one customer at a cutoff. */
    public record Expected(String customerId, long asOf, long firstPurchase, long lastPurchase, int orders, int returnOrders,
                    long gross, long returned, long units, List<Long> purchaseTimes, Map<Long, Long> revenueByDay,
                    Map<Long, Integer> ordersByDay, int distinctProducts, String country, String currency) {

        public long revenueInWindow(long afterDay, long throughDay) {
            return revenueByDay.entrySet().stream().filter(e -> e.getKey() > afterDay && e.getKey() <= throughDay)
                    .mapToLong(Map.Entry::getValue).sum();
        }

        public int ordersInWindow(long afterDay, long throughDay) {
            return ordersByDay.entrySet().stream().filter(e -> e.getKey() > afterDay && e.getKey() <= throughDay)
                    .mapToInt(Map.Entry::getValue).sum();
        }

        public Double gapMean() {
            if (purchaseTimes.size() < 2) {
                return null;
            }
            return gaps().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        }

        public Double gapStd() {
            if (purchaseTimes.size() < 3) {
                return null;
            }
            List<Double> gaps = gaps();
            double mean = gapMean();
            double squares = gaps.stream().mapToDouble(g -> (g - mean) * (g - mean)).sum();
            return Math.sqrt(squares / (gaps.size() - 1));
        }

        private List<Double> gaps() {
            List<Double> gaps = new ArrayList<>();
            for (int i = 1; i < purchaseTimes.size(); i++) {
                gaps.add((purchaseTimes.get(i) - purchaseTimes.get(i - 1)) / (double) DAY);
            }
            return gaps;
        }
    }

    private BatchFeatures() {
    }

    /** The same checks the stream applies before an order may count (orders failing them never reach state). */
    public static boolean isValid(OrderEvent order) {
        if (order.getOrderId() == null || order.getOrderId().isBlank() || order.getCustomerId() == null
                || order.getCustomerId().isBlank() || order.getLines().isEmpty() || order.getCurrency().isBlank()) {
            return false;
        }
        for (OrderLine line : order.getLines()) {
            if (line.getSku().isBlank() || line.getQuantity() <= 0 || line.getUnitPriceMinor() <= 0) {
                return false;
            }
        }
        return true;
    }

    /** Customers with a purchase at or before the cutoff, and their features from events at or before it. */
    public static Map<String, Expected> at(List<OrderEvent> rawEvents, long cutoff) {
        Map<String, OrderEvent> unique = new LinkedHashMap<>();
        for (OrderEvent event : rawEvents) {
            if (isValid(event)) {
                unique.putIfAbsent(event.getOrderId(), event);
            }
        }
        Map<String, List<OrderEvent>> byCustomer = new TreeMap<>();
        for (OrderEvent event : unique.values()) {
            if (event.getEventTime().toEpochMilli() <= cutoff) {
                byCustomer.computeIfAbsent(event.getCustomerId(), id -> new ArrayList<>()).add(event);
            }
        }
        Map<String, Expected> result = new TreeMap<>();
        byCustomer.forEach((customer, events) -> {
            Expected expected = customer(customer, events, cutoff);
            if (expected.orders() > 0) {
                result.put(customer, expected);
            }
        });
        return result;
    }

    private static Expected customer(String customerId, List<OrderEvent> events, long asOf) {
        List<Long> purchaseTimes = new ArrayList<>();
        Map<Long, Long> revenueByDay = new TreeMap<>();
        Map<Long, Integer> ordersByDay = new TreeMap<>();
        Set<String> skus = new HashSet<>();
        int returnOrders = 0;
        long gross = 0;
        long returned = 0;
        long units = 0;
        long newestTime = Long.MIN_VALUE;
        String currency = null;
        long countryTime = Long.MIN_VALUE;
        String country = null;
        for (OrderEvent event : events) {
            long time = event.getEventTime().toEpochMilli();
            long value = 0;
            long quantity = 0;
            for (OrderLine line : event.getLines()) {
                value += (long) line.getQuantity() * line.getUnitPriceMinor();
                quantity += line.getQuantity();
            }
            if (event.getKind() == OrderKind.PURCHASE) {
                purchaseTimes.add(time);
                gross += value;
                units += quantity;
                revenueByDay.merge(Math.floorDiv(time, DAY), value, Long::sum);
                ordersByDay.merge(Math.floorDiv(time, DAY), 1, Integer::sum);
                event.getLines().forEach(line -> skus.add(line.getSku()));
            } else {
                returnOrders++;
                returned += value;
            }
            if (time > newestTime || (time == newestTime && event.getCurrency().compareTo(currency) > 0)) {
                currency = event.getCurrency();
                newestTime = time;
            }
            String candidate = event.getCountry();
            if (candidate != null && (time > countryTime || (time == countryTime && candidate.compareTo(country) > 0))) {
                country = candidate;
                countryTime = time;
            }
        }
        Collections.sort(purchaseTimes);
        long first = purchaseTimes.isEmpty() ? 0 : purchaseTimes.get(0);
        long last = purchaseTimes.isEmpty() ? 0 : purchaseTimes.get(purchaseTimes.size() - 1);
        return new Expected(customerId, asOf, first, last, purchaseTimes.size(), returnOrders, gross, returned, units,
                purchaseTimes, revenueByDay, ordersByDay, skus.size(), country, currency);
    }
}
