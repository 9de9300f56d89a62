package io.churnwatch.streams.features;

import io.churnwatch.schemas.OrderEvent;
import io.churnwatch.schemas.OrderKind;
import io.churnwatch.schemas.OrderLine;

/**
 * Everything the stream remembers about one customer: the running sums behind {@link CustomerFeatures}, a
 * year of per-day purchase buckets and the distinct-product counter. Built by applying validated, de-duplicated
 * events; serialized by {@link CustomerStateSerde}.
 *
 * <p>Applying events in event-time order gives exact results. Every rule is also insensitive to the order of
 * events with the same event time (ties in country and currency go to the lexicographically greatest value),
 * so two events at one instant give the same state whichever arrives first. An event older than the
 * customer's last one (late beyond the reorder grace) is still counted; the one thing it cannot fix exactly is
 * the spread of inter-purchase gaps when the purchase falls between two known ones (the mean stays exact:
 * it is (last - first) / (orders - 1)).
 */
public final class CustomerState {

    public static final long DAY_MS = 86_400_000L;
    /** The longest window any feature looks back over, in days; older buckets are dropped. */
    public static final int BUCKET_HORIZON_DAYS = 365;

    long lastEventTime;
    int purchaseOrders;
    int returnOrders;
    long firstPurchaseTime;
    long lastPurchaseTime;
    long grossRevenueMinor;
    long returnedValueMinor;
    long unitsPurchased;
    double sumSquaredGapDays;
    String currency;
    String country;
    long countryTime;
    long nextTimerDue;
    DayBuckets buckets = new DayBuckets();
    DistinctProducts products = new DistinctProducts();

    /** UTC day number of an epoch-millisecond instant. */
    public static int dayOf(long epochMillis) {
        return (int) Math.floorDiv(epochMillis, DAY_MS);
    }

    public void apply(OrderEvent event) {
        long time = event.getEventTime().toEpochMilli();
        long value = 0;
        long units = 0;
        for (OrderLine line : event.getLines()) {
            value += (long) line.getQuantity() * line.getUnitPriceMinor();
            units += line.getQuantity();
        }
        boolean first = isEmpty();
        long newest = first ? time : Math.max(lastEventTime, time);
        if (event.getKind() == OrderKind.PURCHASE) {
            applyPurchase(time, value, units, newest);
            for (OrderLine line : event.getLines()) {
                products.add(line.getSku());
            }
        } else {
            returnOrders++;
            returnedValueMinor += value;
        }
        takeCurrency(first, time, event.getCurrency());
        takeCountry(time, event.getCountry());
        lastEventTime = newest;
        buckets.dropThrough(dayOf(lastEventTime) - BUCKET_HORIZON_DAYS);
    }

    private void applyPurchase(long time, long value, long units, long newest) {
        if (purchaseOrders == 0) {
            firstPurchaseTime = time;
            lastPurchaseTime = time;
        } else if (time >= lastPurchaseTime) {
            sumSquaredGapDays += square((time - lastPurchaseTime) / (double) DAY_MS);
            lastPurchaseTime = time;
        } else if (time < firstPurchaseTime) {
            sumSquaredGapDays += square((firstPurchaseTime - time) / (double) DAY_MS);
            firstPurchaseTime = time;
        }
        purchaseOrders++;
        grossRevenueMinor += value;
        unitsPurchased += units;
        if (dayOf(time) > dayOf(newest) - BUCKET_HORIZON_DAYS) {
            buckets.add(dayOf(time), value, 1);
        }
    }

    private void takeCurrency(boolean first, long time, String candidate) {
        if (first || time > lastEventTime || (time == lastEventTime && candidate.compareTo(currency) > 0)) {
            currency = candidate;
        }
    }

    private void takeCountry(long time, String candidate) {
        if (candidate == null) {
            return;
        }
        if (country == null || time > countryTime || (time == countryTime && candidate.compareTo(country) > 0)) {
            country = candidate;
            countryTime = time;
        }
    }

    private static double square(double x) {
        return x * x;
    }

    private boolean isEmpty() {
        return purchaseOrders == 0 && returnOrders == 0;
    }

    public boolean hasPurchases() {
        return purchaseOrders > 0;
    }

    public int purchaseOrders() {
        return purchaseOrders;
    }

    public int returnOrders() {
        return returnOrders;
    }

    public long firstPurchaseTime() {
        return firstPurchaseTime;
    }

    public long lastPurchaseTime() {
        return lastPurchaseTime;
    }

    /** Event time of the newest event applied (purchase or return). */
    public long lastEventTime() {
        return lastEventTime;
    }

    /** Mean days between consecutive purchases, or NaN below two purchases. */
    public double meanGapDays() {
        if (purchaseOrders < 2) {
            return Double.NaN;
        }
        return (lastPurchaseTime - firstPurchaseTime) / (double) DAY_MS / (purchaseOrders - 1);
    }

    /** When this customer's next inactivity timer is due (epoch ms), 0 when none is pending. */
    public long nextTimerDue() {
        return nextTimerDue;
    }

    public void nextTimerDue(long due) {
        this.nextTimerDue = due;
    }

    public int bucketCount() {
        return buckets.size();
    }
}
