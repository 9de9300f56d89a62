package io.churnwatch.streams.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

import io.churnwatch.schemas.CustomerFeatures;
import io.churnwatch.schemas.FeatureSnapshot;
import io.churnwatch.schemas.OrderEvent;
import io.churnwatch.streams.features.DistinctProducts;
import io.churnwatch.streams.snapshots.CutoffSchedule;

/**
 * Checks every snapshot the stream emitted against {@link BatchFeatures}, field by field, and collects the
 * differences instead of stopping at the first, so that a test can assert there are none and a report over a
 * large data set can count them.
 *
 * <p>Every field is exact (doubles within rounding) except the distinct-product count of a customer past
 * {@link DistinctProducts#EXACT_LIMIT}, which is a HyperLogLog estimate: those are summarised as relative errors
 * and only count as a mismatch beyond {@link #ESTIMATE_TOLERANCE}.
 */
public final class SnapshotComparison {

    /** Four standard errors of a 256-register HyperLogLog (1.04/16 = 6.5%). */
    public static final double ESTIMATE_TOLERANCE = 0.26;
    private static final long DAY = BatchFeatures.DAY;
    private static final int KEPT_MISMATCHES = 50;

    /** One difference: a field of one customer's snapshot at one cutoff. */
    public record Mismatch(String customerId, long cutoff, String field, Object expected, Object actual) {
        @Override
        public String toString() {
            return customerId + " at " + Instant.ofEpochMilli(cutoff) + ": " + field + " expected " + expected
                    + " but the stream emitted " + actual;
        }
    }

    /** The outcome of a comparison; only the first mismatches are kept, all are counted. */
    public record Result(int cutoffs, long compared, long mismatchCount, List<Mismatch> firstMismatches,
                         long estimated, double estimateRmsError, double estimateMaxError) {
        public boolean matches() {
            return mismatchCount == 0;
        }
    }

    private final List<Mismatch> kept = new ArrayList<>();
    private long mismatchCount;
    private long compared;
    private int cutoffs;
    private long estimated;
    private double squaredEstimateErrors;
    private double maxEstimateError;

    /**
     * Compares the snapshots emitted for {@code cutoffs} (every cutoff the stream should have taken) with the batch
     * over {@code events}. A snapshot at any other instant, a customer missing from or extra in a cutoff, and a
     * snapshot emitted twice are mismatches too.
     */
    public static Result compareAll(List<OrderEvent> events, Collection<FeatureSnapshot> emitted, List<Long> cutoffs) {
        SnapshotComparison comparison = new SnapshotComparison();
        Map<Long, Map<String, FeatureSnapshot>> byCutoff = new HashMap<>();
        for (FeatureSnapshot snapshot : emitted) {
            long cutoff = snapshot.getCutoff().toEpochMilli();
            FeatureSnapshot previous = byCutoff.computeIfAbsent(cutoff, c -> new HashMap<>())
                    .put(snapshot.getCustomerId(), snapshot);
            if (previous != null) {
                comparison.mismatch(snapshot.getCustomerId(), cutoff, "emitted", "once", "twice");
            }
        }
        TreeSet<Long> unexpected = new TreeSet<>(byCutoff.keySet());
        cutoffs.forEach(unexpected::remove);
        for (long cutoff : unexpected) {
            comparison.mismatch("(all)", cutoff, "cutoff", "not in the schedule",
                    byCutoff.get(cutoff).size() + " snapshots");
        }
        for (long cutoff : cutoffs) {
            comparison.compareCutoff(cutoff, BatchFeatures.at(events, cutoff), byCutoff.getOrDefault(cutoff, Map.of()));
        }
        return comparison.result();
    }

    /** The schedule's instants in {@code [from, before)}, in order. */
    public static List<Long> cutoffsBetween(CutoffSchedule schedule, long from, long before) {
        List<Long> result = new ArrayList<>();
        for (long c = schedule.firstAfter(from - 1); c < before; c = schedule.firstAfter(c)) {
            result.add(c);
        }
        return result;
    }

    /** Compares one cutoff: the same customers, each with the batch's features. */
    public void compareCutoff(long cutoff, Map<String, BatchFeatures.Expected> expected,
                              Map<String, FeatureSnapshot> actual) {
        cutoffs++;
        for (String customer : new TreeMap<>(actual).keySet()) {
            if (!expected.containsKey(customer)) {
                mismatch(customer, cutoff, "presence", "no snapshot", "a snapshot");
            }
        }
        for (BatchFeatures.Expected customer : expected.values()) {
            FeatureSnapshot snapshot = actual.get(customer.customerId());
            if (snapshot == null) {
                mismatch(customer.customerId(), cutoff, "presence", "a snapshot", "none");
                continue;
            }
            check(customer, cutoff, "cutoff", cutoff, snapshot.getCutoff().toEpochMilli());
            compare(customer, snapshot.getFeatures());
            compared++;
        }
    }

    /** Compares one customer's features with the batch's view at the same instant. */
    public void compare(BatchFeatures.Expected expected, CustomerFeatures actual) {
        long asOf = expected.asOf();
        long day = Math.floorDiv(asOf, DAY);
        check(expected, asOf, "asOf", asOf, actual.getAsOf().toEpochMilli());
        check(expected, asOf, "firstPurchaseTime", expected.firstPurchase(), actual.getFirstPurchaseTime().toEpochMilli());
        check(expected, asOf, "lastPurchaseTime", expected.lastPurchase(), actual.getLastPurchaseTime().toEpochMilli());
        check(expected, asOf, "orders", expected.orders(), actual.getOrders());
        check(expected, asOf, "returnOrders", expected.returnOrders(), actual.getReturnOrders());
        check(expected, asOf, "grossRevenueMinor", expected.gross(), actual.getGrossRevenueMinor());
        check(expected, asOf, "returnedValueMinor", expected.returned(), actual.getReturnedValueMinor());
        close(expected, "recencyDays", (asOf - expected.lastPurchase()) / (double) DAY, actual.getRecencyDays(), 1e-9);
        close(expected, "tenureDays", (asOf - expected.firstPurchase()) / (double) DAY, actual.getTenureDays(), 1e-9);
        close(expected, "returnRateOrders",
                expected.returnOrders() / (double) (expected.orders() + expected.returnOrders()),
                actual.getReturnRateOrders(), 1e-12);
        close(expected, "returnRateValue", expected.returned() / (double) expected.gross(),
                actual.getReturnRateValue(), 1e-12);
        check(expected, asOf, "avgOrderValueMinor", Math.round(expected.gross() / (double) expected.orders()),
                actual.getAvgOrderValueMinor());
        close(expected, "itemsPerOrder", expected.units() / (double) expected.orders(), actual.getItemsPerOrder(), 1e-12);
        close(expected, "interPurchaseDaysMean", expected.gapMean(), actual.getInterPurchaseDaysMean(), 1e-6);
        close(expected, "interPurchaseDaysStd", expected.gapStd(), actual.getInterPurchaseDaysStd(), 1e-6);
        int[] windows = {30, 90, 180, 365};
        long[] revenue = {actual.getRevenue30dMinor(), actual.getRevenue90dMinor(), actual.getRevenue180dMinor(),
                actual.getRevenue365dMinor()};
        int[] orders = {actual.getOrders30d(), actual.getOrders90d(), actual.getOrders180d(), actual.getOrders365d()};
        for (int i = 0; i < windows.length; i++) {
            check(expected, asOf, "revenue" + windows[i] + "dMinor", expected.revenueInWindow(day - windows[i], day),
                    revenue[i]);
            check(expected, asOf, "orders" + windows[i] + "d", expected.ordersInWindow(day - windows[i], day), orders[i]);
        }
        long last90 = expected.revenueInWindow(day - 90, day);
        long prev90 = expected.revenueInWindow(day - 180, day - 90);
        check(expected, asOf, "revenuePrev90dMinor", prev90, actual.getRevenuePrev90dMinor());
        check(expected, asOf, "ordersPrev90d", expected.ordersInWindow(day - 180, day - 90), actual.getOrdersPrev90d());
        close(expected, "revenueTrend90d", last90 + prev90 == 0 ? 0.0 : (last90 - prev90) / (double) (last90 + prev90),
                actual.getRevenueTrend90d(), 1e-12);
        distinctProducts(expected, actual.getDistinctProducts());
        check(expected, asOf, "country", expected.country(), actual.getCountry());
        check(expected, asOf, "currency", expected.currency(), actual.getCurrency());
    }

    private void distinctProducts(BatchFeatures.Expected expected, int actual) {
        int exact = expected.distinctProducts();
        if (exact <= DistinctProducts.EXACT_LIMIT) {
            check(expected, expected.asOf(), "distinctProducts", exact, actual);
            return;
        }
        double error = (actual - exact) / (double) exact;
        estimated++;
        squaredEstimateErrors += error * error;
        maxEstimateError = Math.max(maxEstimateError, Math.abs(error));
        if (Math.abs(error) > ESTIMATE_TOLERANCE) {
            mismatch(expected.customerId(), expected.asOf(), "distinctProducts (estimate, tolerance "
                    + ESTIMATE_TOLERANCE + ")", exact, actual);
        }
    }

    private void check(BatchFeatures.Expected expected, long at, String field, Object want, Object got) {
        if (!Objects.equals(want, got)) {
            mismatch(expected.customerId(), at, field, want, got);
        }
    }

    private void close(BatchFeatures.Expected expected, String field, Double want, Double got, double tolerance) {
        boolean same = want == null ? got == null
                : got != null && Math.abs(want - got) <= tolerance * Math.max(1, Math.abs(want));
        if (!same) {
            mismatch(expected.customerId(), expected.asOf(), field, want, got);
        }
    }

    private void mismatch(String customerId, long cutoff, String field, Object expected, Object actual) {
        mismatchCount++;
        if (kept.size() < KEPT_MISMATCHES) {
            kept.add(new Mismatch(customerId, cutoff, field, expected, actual));
        }
    }

    public Result result() {
        double rms = estimated == 0 ? 0 : Math.sqrt(squaredEstimateErrors / estimated);
        return new Result(cutoffs, compared, mismatchCount, List.copyOf(kept), estimated, rms, maxEstimateError);
    }
}
