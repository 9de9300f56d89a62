package io.churnwatch.streams.features;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Purchase revenue and purchase orders per UTC day, sparse (only days with a purchase) and sorted by day. The
 * owner drops days that no window can reach any more, so a customer keeps at most a year of buckets.
 */
public final class DayBuckets {

    private int size;
    private int[] days = new int[4];
    private long[] revenue = new long[4];
    private int[] orders = new int[4];

    public void add(int day, long revenueMinor, int orderCount) {
        int at = Arrays.binarySearch(days, 0, size, day);
        if (at >= 0) {
            revenue[at] += revenueMinor;
            orders[at] += orderCount;
            return;
        }
        int insert = -at - 1;
        ensureCapacity(size + 1);
        System.arraycopy(days, insert, days, insert + 1, size - insert);
        System.arraycopy(revenue, insert, revenue, insert + 1, size - insert);
        System.arraycopy(orders, insert, orders, insert + 1, size - insert);
        days[insert] = day;
        revenue[insert] = revenueMinor;
        orders[insert] = orderCount;
        size++;
    }

    /** Drops every bucket at or before {@code day}. */
    public void dropThrough(int day) {
        int keepFrom = 0;
        while (keepFrom < size && days[keepFrom] <= day) {
            keepFrom++;
        }
        if (keepFrom == 0) {
            return;
        }
        size -= keepFrom;
        System.arraycopy(days, keepFrom, days, 0, size);
        System.arraycopy(revenue, keepFrom, revenue, 0, size);
        System.arraycopy(orders, keepFrom, orders, 0, size);
    }

    /** Revenue of the days in {@code (afterDay, throughDay]}. */
    public long revenue(int afterDay, int throughDay) {
        long sum = 0;
        for (int i = 0; i < size; i++) {
            if (days[i] > afterDay && days[i] <= throughDay) {
                sum += revenue[i];
            }
        }
        return sum;
    }

    /** Purchase orders of the days in {@code (afterDay, throughDay]}. */
    public int orders(int afterDay, int throughDay) {
        int sum = 0;
        for (int i = 0; i < size; i++) {
            if (days[i] > afterDay && days[i] <= throughDay) {
                sum += orders[i];
            }
        }
        return sum;
    }

    public int size() {
        return size;
    }

    private void ensureCapacity(int needed) {
        if (needed <= days.length) {
            return;
        }
        int capacity = Math.max(needed, days.length * 2);
        days = Arrays.copyOf(days, capacity);
        revenue = Arrays.copyOf(revenue, capacity);
        orders = Arrays.copyOf(orders, capacity);
    }

    /** First day absolute, then day deltas; revenue zig-zag so a correction can never blow up to ten bytes. */
    void writeTo(ByteBuffer out) {
        Varints.writeUnsigned(out, size);
        int previous = 0;
        for (int i = 0; i < size; i++) {
            Varints.writeSigned(out, days[i] - previous);
            Varints.writeSigned(out, revenue[i]);
            Varints.writeUnsigned(out, orders[i]);
            previous = days[i];
        }
    }

    static DayBuckets readFrom(ByteBuffer in) {
        DayBuckets buckets = new DayBuckets();
        int count = Varints.readUnsignedInt(in);
        buckets.ensureCapacity(count);
        int day = 0;
        for (int i = 0; i < count; i++) {
            day += (int) Varints.readSigned(in);
            buckets.days[i] = day;
            buckets.revenue[i] = Varints.readSigned(in);
            buckets.orders[i] = Varints.readUnsignedInt(in);
        }
        buckets.size = count;
        return buckets;
    }

    int maxSerializedSize() {
        return Varints.MAX_BYTES + size * 3 * Varints.MAX_BYTES;
    }
}
