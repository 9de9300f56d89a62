package io.churnwatch.trainer.synthetic;

import io.churnwatch.producers.onlineretail.OnlineRetailReader;
import io.churnwatch.producers.onlineretail.ProjectSample;
import io.churnwatch.schemas.FeatureSnapshot;
import io.churnwatch.schemas.OrderEvent;
import io.churnwatch.schemas.OrderKind;
import io.churnwatch.schemas.OrderLine;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Customers' orders, and the feature snapshots the streams app would publish for them: one at every monthly cutoff
 * the data reach, and one at each cutoff + horizon the data have passed (the label snapshots).
 */
public final class OrderHistory {

    private OrderHistory() {
    }

    /** The project's committed real-data sample, read by the producers' importer (what a replay sends). */
    public static Map<String, SyntheticCustomer> realSample() {
        return fromEvents(OnlineRetailReader.readAll(ProjectSample.onlineRetailII()).events());
    }

    /** An Online Retail (II) CSV, read by the producers' importer. */
    public static Map<String, SyntheticCustomer> onlineRetail(Path csv) {
        return fromEvents(OnlineRetailReader.readAll(csv).events());
    }

    /** Groups events by customer (events without one are dropped, as the stream sends them to the DLQ). */
    public static Map<String, SyntheticCustomer> fromEvents(List<OrderEvent> events) {
        Map<String, Integer> skuIds = new HashMap<>();
        Map<String, SyntheticCustomer> customers = new HashMap<>();
        for (OrderEvent event : events) {
            if (event.getCustomerId() == null) {
                continue;
            }
            long value = 0;
            long units = 0;
            int[] skus = new int[event.getLines().size()];
            for (int i = 0; i < skus.length; i++) {
                OrderLine line = event.getLines().get(i);
                value += line.getQuantity() * line.getUnitPriceMinor();
                units += line.getQuantity();
                skus[i] = skuIds.computeIfAbsent(line.getSku(), k -> skuIds.size());
            }
            customers.computeIfAbsent(event.getCustomerId(), SyntheticCustomer::new).add(new SyntheticCustomer.Order(
                    event.getEventTime().toEpochMilli(), event.getKind() == OrderKind.PURCHASE, value,
                    (int) Math.min(Integer.MAX_VALUE, units), skus));
        }
        customers.values().forEach(SyntheticCustomer::sortOrders);
        customers.values().removeIf(c -> c.firstPurchase() == Long.MAX_VALUE);
        return customers;
    }

    /**
     * Snapshots of every customer with a purchase by then, at each monthly cutoff up to the last order and at each
     * cutoff + {@code horizonDays} up to the last order.
     */
    public static List<FeatureSnapshot> snapshots(Collection<SyntheticCustomer> customers, int horizonDays) {
        long end = customers.stream().mapToLong(SyntheticCustomer::lastOrder).max().orElseThrow();
        List<FeatureSnapshot> snapshots = new ArrayList<>();
        for (Instant time : snapshotTimes(customers, end, horizonDays)) {
            for (SyntheticCustomer customer : customers) {
                if (customer.firstPurchase() <= time.toEpochMilli()) {
                    snapshots.add(FeatureSnapshot.newBuilder().setCustomerId(customer.id()).setCutoff(time)
                            .setFeatures(customer.featuresAsOf(time.toEpochMilli())).build());
                }
            }
        }
        return snapshots;
    }

    /** The monthly cutoffs (1st of the month, UTC) after the first purchase, up to the last order. */
    public static List<Instant> monthlyCutoffs(Collection<SyntheticCustomer> customers) {
        long first = customers.stream().mapToLong(SyntheticCustomer::firstPurchase).min().orElseThrow();
        long end = customers.stream().mapToLong(SyntheticCustomer::lastOrder).max().orElseThrow();
        List<Instant> cutoffs = new ArrayList<>();
        LocalDate month = LocalDate.ofEpochDay(first / 86_400_000L).withDayOfMonth(1).plusMonths(1);
        for (; month.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() <= end; month = month.plusMonths(1)) {
            cutoffs.add(month.atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        return cutoffs;
    }

    private static List<Instant> snapshotTimes(Collection<SyntheticCustomer> customers, long end, int horizonDays) {
        List<Instant> times = new ArrayList<>();
        for (Instant cutoff : monthlyCutoffs(customers)) {
            times.add(cutoff);
            Instant labelEnd = cutoff.plus(Duration.ofDays(horizonDays));
            if (labelEnd.toEpochMilli() <= end) {
                times.add(labelEnd);
            }
        }
        return times.stream().distinct().sorted().toList();
    }
}
